package com.networkpin.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The support console's sentences: Japanese here, English in {@code messages/sup_en.properties}.
 * Templates use {@code {sup:name}}.
 */
@MessageBundle("sup")
public interface SupportMsg {

    @Message("サポート: 契約の暗証番号")
    String heading();

    @Message("有人チャット担当: 暗証番号の状態、履歴、暗証番号の確認")
    String entry();

    @Message("契約番号")
    String contractId();

    @Message("調べる")
    String lookUp();

    @Message("契約番号は英数字とハイフン(64文字まで)で入力してください。")
    String badContractId();

    @Message("契約 {id}")
    String contractHeading(String id);

    @Message("この契約には暗証番号が設定されていません。")
    String notSet();

    @Message("連続誤入力: {count}回 / 残り: {left}回")
    String failures(int count, int left);

    @Message("案内のヒント")
    String hintsHeading();

    @Message("暗証番号が設定されていないため、どのチャネルでも確認できません。契約時の設定が必要です。")
    String hintNotSet();

    @Message("ロック中です。{time} まで、正しい暗証番号を入力してもエラーになります。すぐに使いたい場合はショップでのリセット(手数料0円)をご案内ください。")
    String hintLocked(String time);

    @Message("直近のロック中に {count}回の入力が照合されずに拒否されました。お客さまが正しい暗証番号を入力していた可能性があります。")
    String hintRefused(long count);

    @Message("連続 {count}回 間違えています。最後に正しく入力されたのは {channel}({time})です。別の番号(カードや d払い の暗証番号など)と混同していないかご確認ください。")
    String hintFailuresLastRight(int count, String channel, String time);

    @Message("連続 {count}回 間違えています。正しく入力された記録はまだありません。")
    String hintFailuresNeverRight(int count);

    @Message("残り1回でロックされます。もう一度試す前に、暗証番号の確認かショップでのリセットをご案内ください。")
    String hintOneLeft();

    @Message("暗証番号は使える状態です。エラーが続く場合は、入力しているサービス(チャネル)と時刻をお客さまに確認してください。")
    String hintNothingWrong();

    @Message("入力の履歴")
    String timelineHeading();

    @Message("履歴はありません。")
    String noHistory();

    @Message("日時(JST)")
    String when();

    @Message("チャネル")
    String channel();

    @Message("結果")
    String outcome();

    @Message("{#when channel}{#is 'ONLINE_PROCEDURE'}オンライン手続き{#is 'BILLING'}ご利用料金の確認{#is 'MY_DOCOMO'}My docomo{#is 'D_PAYMENT'}d払い{#is 'REMOTE_RESUME'}遠隔操作による利用再開{#is 'D_PAYMENT_BALANCE'}d払い残高確認{#else}{channel ?: '—'}{/when}")
    String channelName(String channel);

    @Message("{#when type}{#is 'PinSet'}暗証番号を設定{#is 'AttemptSucceeded'}一致{#is 'AttemptFailed'}不一致{#is 'AttemptRefused'}ロック中のため拒否{#is 'Locked'}ロック{#is 'Unlocked'}ロック解除{#is 'ResetGranted'}ショップで本人確認{#is 'PinReset'}ショップで再設定{#is 'PinDisclosed'}有人チャットで確認{#else}{type}{/when}")
    String eventName(String type);

    @Message("残り{count}回")
    String remaining(int count);

    @Message("暗証番号の確認(有人チャット)")
    String disclosureHeading();

    @Message("有人チャットの受付時間内です。本人確認を済ませてから確認してください。")
    String openNow();

    @Message("有人チャットの受付時間外のため確認できません。次の受付開始: {time}")
    String closedUntil(String time);

    @Message("本人確認の方法")
    String identityCheckMethod();

    @Message("選んでください")
    String chooseCheck();

    @Message("{#when code}{#is 'KNOWLEDGE_QUESTIONS'}登録情報の照合(氏名・生年月日・住所・連絡先){#is 'CALLBACK_TO_CONTRACT_LINE'}契約回線への折り返し電話{#is 'SMS_CODE_TO_CONTRACT_LINE'}契約回線へのSMS確認コード{#is 'SIGNED_IN_ACCOUNT'}二段階認証済みのアカウントでログイン中{#is 'MY_NUMBER_CARD_JPKI'}マイナンバーカードの電子証明書(JPKI){#is 'NOT_RECORDED'}記録なし{#else}{code}{/when}")
    String checkName(String code);

    @Message("チャットの受付番号")
    String identityCheckRef();

    @Message("チャットの受付番号(英数字とハイフン)。お客さまの情報は書かないでください。担当者とセッションはログイン中のアカウントから記録されます。")
    String identityCheckHint();

    @Message("お客さまの本人確認を済ませました")
    String identityConfirmed();

    @Message("暗証番号を表示")
    String disclose();

    @Message("暗証番号の確認・再設定の記録")
    String auditHeading();

    @Message("確認・再設定の記録はありません。")
    String noDisclosures();

    @Message("担当者")
    String agent();

    @Message("本人確認")
    String identityCheck();

    @Message("参照番号")
    String reference();

    @Message("契約 {id} の暗証番号")
    String disclosedHeading(String id);

    @Message("この画面は一度だけ表示され、保存されません。お客さまにお伝えしたら閉じてください。")
    String disclosedOnce();

    @Message("{time} に確認を記録しました。")
    String disclosedAt(String time);

    @Message("契約の画面に戻る")
    String backToContract();

    @Message("本日の確認回数の上限に達しました。次に確認できるのは {time} です。")
    String limitReached(String time);
}
