package com.networkpin.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The operator's pages' sentences: Japanese here, English in {@code messages/op_en.properties}.
 * Templates use {@code {op:name}}.
 */
@MessageBundle("op")
public interface OperatorMsg {

    @Message("運用: ショップ")
    String shopsHeading();

    @Message("運用担当: ショップの設定、ロックと深夜0時の解除")
    String entry();

    @Message("ショップ")
    String shopsNav();

    @Message("ロックと深夜0時")
    String locksNav();

    @Message("ショップを追加")
    String addShop();

    @Message("編集")
    String edit();

    @Message("窓口数")
    String counters();

    @Message("ショップを保存しました。")
    String savedNotice();

    @Message("ショップの追加")
    String newShopHeading();

    @Message("ショップの編集: {name}")
    String editShopHeading(String name);

    @Message("ショップID")
    String shopId();

    @Message("英小文字、数字、ハイフンで3〜63文字(例: tokyo-ginza)。追加後は変更できません。")
    String shopIdHint();

    @Message("ショップIDは英小文字、数字、ハイフンで3〜63文字にしてください。")
    String badShopId();

    @Message("名称")
    String name();

    @Message("名称(日本語)")
    String nameJa();

    @Message("日本語のページに表示する名称(例: 新宿西口店)。空欄のときは名称をそのまま表示します。")
    String nameJaHint();

    @Message("都道府県(例: 東京都 または Tokyo)")
    String prefecture();

    @Message("住所")
    String address();

    @Message("営業時間(15分単位。開店・閉店とも空欄の曜日は定休日)")
    String hoursLegend();

    @Message("{#when day}{#is 'MONDAY'}月曜日{#is 'TUESDAY'}火曜日{#is 'WEDNESDAY'}水曜日{#is 'THURSDAY'}木曜日{#is 'FRIDAY'}金曜日{#is 'SATURDAY'}土曜日{#is 'SUNDAY'}日曜日{#else}{day}{/when}")
    String weekday(String day);

    @Message("{day} 開店")
    String opens(String day);

    @Message("{day} 閉店")
    String closes(String day);

    @Message("休業日(1行に1日、YYYY-MM-DD)")
    String closedDates();

    @Message("保存")
    String save();

    @Message("次の深夜0時")
    String nextMidnightHeading();

    @Message("{time} に {count}件のロックが解除されます。")
    String nextMidnight(String time, long count);

    @Message("解除待ちのロック({total}件)")
    String pendingHeading(long total);

    @Message("解除待ちのロックはありません。")
    String noPending();

    @Message("契約番号")
    String contract();

    @Message("ロック日時")
    String lockedAt();

    @Message("解除予定")
    String unlocksAt();

    @Message("前のページ")
    String previous();

    @Message("次のページ")
    String next();

    @Message("公開済みの深夜0時(新しい順)")
    String midnightsHeading();

    @Message("公開された深夜0時はまだありません。")
    String noMidnights();

    @Message("日付")
    String date();

    @Message("公開日時")
    String publishedAt();

    @Message("公開時の解除待ち")
    String pendingAtPublication();

    @Message("解除済み")
    String unlocked();

    @Message("確認・再設定の記録")
    String auditNav();

    @Message("有人チャットでの暗証番号の確認とショップでの再設定を、担当者・セッション・本人確認の方法とともに新しい順に表示します。")
    String auditIntro();

    @Message("担当者")
    String person();

    @Message("担当者のID(トークンの subject)。空欄ならすべての担当者。")
    String personHint();

    @Message("種類")
    String action();

    @Message("すべて")
    String anyAction();

    @Message("{#when action}{#is 'disclosure'}有人チャットでの確認{#is 'reset'}ショップでの再設定{#else}{action}{/when}")
    String actionName(String action);

    @Message("開始日")
    String fromDate();

    @Message("終了日(この日を含む)")
    String toDate();

    @Message("検索")
    String search();

    @Message("記録")
    String trailHeading();

    @Message("条件に合う記録はありません。")
    String noEntries();

    @Message("日時(JST)")
    String when();

    @Message("セッション")
    String session();

    @Message("本人確認")
    String identityCheck();

    @Message("参照番号")
    String reference();

    @Message("さらに古い記録")
    String older();

    @Message("検索条件を確認してください: 担当者IDは英数字と . _ @ -、日付は YYYY-MM-DD、開始日は終了日以前です。")
    String badAuditFilter();
}
