package com.networkpin.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every sentence of the pages: Japanese here (the default locale), English in
 * {@code messages/msg_en.properties}. Templates use {@code {msg:name}}.
 */
@MessageBundle
public interface Msg {

    @Message("ネットワーク暗証番号")
    String appTitle();

    @Message("本文へ移動")
    String skipToContent();

    @Message("English")
    String languageSwitch();

    @Message("Switch to English")
    String languageSwitchLabel();

    @Message("ログアウト")
    String logout();

    @Message("{name} さんでログイン中")
    String loggedInAs(String name);

    @Message("ネットワーク暗証番号は、契約内容の変更やお支払いに関わる手続きでご本人であることを確認する4桁の番号です。")
    String landingIntro();

    @Message("お客さま: 暗証番号の状態と来店予約")
    String loginCustomer();

    @Message("ショップスタッフ: 来店受付と暗証番号の再設定")
    String loginStaff();

    @Message("ログイン画面に移動します。")
    String loginHint();

    @Message("暗証番号の状態")
    String pinHeading();

    @Message("契約番号 {id}")
    String contract(String id);

    @Message("{#when status}{#is 'LOCKED'}ロック中{#is 'ACTIVE'}設定済み{#else}未設定{/when}")
    String pinStatus(String status);

    @Message("{time} にロックが自動で解除されます。")
    String lockedUntil(String time);

    @Message("残りの入力可能回数: {count}回")
    String attemptsLeft(int count);

    @Message("サポートからのご案内")
    String guidanceHeading();

    @Message("暗証番号を早くリセットしたい場合は、ショップへの来店(暗証番号のリセット、手数料無料)をご予約ください。")
    String guidanceShopResetSooner();

    @Message("暗証番号の変更・リセットはショップで承ります。来店をご予約ください(暗証番号のリセット・変更は手数料無料)。")
    String guidanceShopChangeOrReset();

    @Message("本人確認書類の原本(運転免許証、マイナンバーカード、障害者手帳のいずれか)をお持ちください。")
    String guidanceBringDocument();

    @Message("サポートのチャットボットは、暗証番号の状態について24時間お答えします。")
    String guidanceChatbot();

    @Message("お忘れの暗証番号は、本人確認のうえ有人チャットでのみお伝えします。ロックされる前にお問い合わせください。")
    String guidanceForgottenPin();

    @Message("有人チャットの受付時間は {opens}〜{closes}(日本時間)で、現在受付中です。")
    String guidanceChatOpenNow(String opens, String closes);

    @Message("有人チャットの受付時間は {opens}〜{closes}(日本時間)です。次の受付開始は {time} です。")
    String guidanceChatOpensAt(String opens, String closes, String time);

    @Message("来店予約")
    String bookHeading();

    @Message("都道府県")
    String prefecture();

    @Message("ショップを探す")
    String findShops();

    @Message("ご予約")
    String myBookings();

    @Message("予約はありません。")
    String noBookings();

    @Message("予約をキャンセル")
    String cancel();

    @Message("詳細")
    String details();

    @Message("予約をキャンセルしました。")
    String cancelledNotice();

    @Message("予約しました。")
    String bookedNotice();

    @Message("{prefecture}のショップ")
    String shopsHeading(String prefecture);

    @Message("該当するショップはありません。")
    String noShops();

    @Message("このショップで予約")
    String choose();

    @Message("来店日")
    String date();

    @Message("空き枠を表示")
    String showSlots();

    @Message("予約できる日: {first} から {last} まで")
    String bookingWindow(java.time.LocalDate first, java.time.LocalDate last);

    @Message("この日は定休日です。別の日を選んでください。")
    String closedDay();

    @Message("{date} の時間枠(15分)")
    String slotsHeading(java.time.LocalDate date);

    @Message("残り{count}")
    String remaining(int count);

    @Message("満席")
    String full();

    @Message("受付終了")
    String unavailable();

    @Message("ご用件")
    String purpose();

    @Message("{#when purpose}{#is 'PIN_RESET'}暗証番号のリセット{#is 'PIN_CHANGE'}暗証番号の変更{#else}その他のご用件{/when}")
    String purposeName(String purpose);

    @Message("{#when purpose}{#is 'OTHER'}手数料 3,300円(税込){#else}手数料 0円{/when}")
    String purposeFee(String purpose);

    @Message("予約する")
    String book();

    @Message("時間")
    String time();

    @Message("来店時にお持ちいただくもの")
    String documentsHeading();

    @Message("本人確認書類の原本1点: 運転免許証、マイナンバーカード、身体障害者手帳、精神障害者保健福祉手帳、療育手帳のいずれか。コピーや健康保険証のみは受け付けられません。")
    String documentsList();

    @Message("予約番号 {number}")
    String reservationHeading(String number);

    @Message("ショップ")
    String shop();

    @Message("日時")
    String when();

    @Message("手数料")
    String fee();

    @Message("{amount}円")
    String feeAmount(String amount);

    @Message("状態")
    String status();

    @Message("{#when status}{#is 'BOOKED'}予約済み{#is 'CHECKED_IN'}受付済み{#is 'COMPLETED'}完了{#is 'CANCELLED'}キャンセル済み{#is 'NO_SHOW'}来店なし{#else}{status}{/when}")
    String reservationStatus(String status);

    @Message("来店時にこの予約番号をスタッフにお見せください。")
    String showNumber();

    @Message("戻る")
    String back();

    @Message("ホーム")
    String home();

    @Message("サービスに接続できません。しばらくしてからもう一度お試しください。")
    String problemOutage();

    @Message("ただいま混み合っています。{seconds}秒ほど待ってから、もう一度お試しください。")
    String problemBusy(long seconds);

    @Message("受け付けられませんでした。")
    String problemRefused();

    @Message("このフォームの有効期限が切れました。ページを再読み込みしてからもう一度お試しください。")
    String formExpired();

    @Message("このページを表示する権限がありません。")
    String forbidden();

    @Message("お手続きできませんでした")
    String errorHeading();

    @Message("{shop} 来店受付")
    String staffHeading(String shop);

    @Message("{date} の来店予定")
    String visitsHeading(java.time.LocalDate date);

    @Message("この日の来店予定を表示")
    String showVisits();

    @Message("この日の来店予定はありません。")
    String noVisits();

    @Message("予約番号で開く")
    String openByNumber();

    @Message("予約番号")
    String reservationNumber();

    @Message("表示")
    String openVisit();

    @Message("来店 {number}")
    String visitHeading(String number);

    @Message("契約番号")
    String contractLabel();

    @Message("本人確認")
    String checkInHeading();

    @Message("本人確認書類")
    String document();

    @Message("{#when code}{#is 'DRIVING_LICENCE'}運転免許証{#is 'MY_NUMBER_CARD'}マイナンバーカード{#is 'PHYSICAL_DISABILITY_CERTIFICATE'}身体障害者手帳{#is 'MENTAL_DISABILITY_CERTIFICATE'}精神障害者保健福祉手帳{#is 'INTELLECTUAL_DISABILITY_CERTIFICATE'}療育手帳{#else}{code}{/when}")
    String documentName(String code);

    @Message("原本であることを確認しました(コピーは不可)")
    String originalConfirmed();

    @Message("受付する")
    String checkIn();

    @Message("本人確認が完了しました。端末をお客さまにお渡しし、新しい暗証番号を入力していただいてください。")
    String checkedInNotice();

    @Message("新しい暗証番号(お客さまが入力)")
    String pinPadHeading();

    @Message("新しい4桁の暗証番号")
    String newPin();

    @Message("同じ数字だけ、連続した数字、誕生日、電話番号の下4桁は使えません。")
    String pinHint();

    @Message("設定する")
    String setPin();

    @Message("新しい暗証番号を設定しました。")
    String pinSetNotice();

    @Message("本人確認の結果がまだ届いていません。数秒後にもう一度お試しください。")
    String grantPending();

    @Message("来店の完了を反映しています。少ししてから再読み込みしてください。")
    String completing();

    @Message("{#when reason}{#is 'NOT_FOUR_DIGITS'}4桁の数字を入力してください。{#is 'ALL_SAME_DIGITS'}同じ数字だけの暗証番号は使えません。{#is 'ASCENDING_RUN'}連続した数字(1234 など)は使えません。{#is 'DESCENDING_RUN'}逆順に連続した数字(9876 など)は使えません。{#is 'BIRTH_DATE'}誕生日(月日)は使えません。{#is 'BIRTH_YEAR'}生まれ年は使えません。{#is 'PHONE_NUMBER'}電話番号の下4桁は使えません。{#else}この暗証番号は使えません。{/when}")
    String weakPin(String reason);

    @Message("この来店では暗証番号の設定は行いません。")
    String noPinStep();
}
