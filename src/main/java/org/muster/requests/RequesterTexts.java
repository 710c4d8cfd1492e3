package org.muster.requests;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.muster.notification.Language;
import org.muster.notification.MessageText;
import org.muster.posts.Post;

/**
 * What a requester is told, in English, Dari and Pashto: the status of a new ticket and the
 * acknowledgement. Every sentence is true when it is sent: the request was received, nobody has
 * reviewed it yet; nothing is promised about when or whether it will be answered.
 */
final class RequesterTexts {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private RequesterTexts() {}

    /** “received, not yet reviewed” in the language. */
    static String received(Language language) {
        return switch (language) {
            case ENGLISH -> "received, not yet reviewed";
            case DARI -> "دریافت شده، هنوز بررسی نشده";
            case PASHTO -> "ترلاسه شوې، لا نه ده بیاکتل شوې";
        };
    }

    /** The acknowledgement of a new ticket in one language. */
    static MessageText acknowledgement(Language language, Post post, String reference, OffsetDateTime receivedAt) {
        var local = receivedAt.atZoneSameInstant(post.timeZone());
        String date = DATE.format(local);
        String time = TIME.format(local);
        String zone = post.timeZone().getId();
        return switch (language) {
            case ENGLISH ->
                new MessageText(
                        "Request " + reference + " received",
                        "Your request to " + post.name() + " was received on " + date + " at " + time + " (" + zone
                                + " time).\n\n"
                                + "Reference: " + reference + "\n"
                                + "Status: " + received(language) + "\n\n"
                                + "No one has reviewed your request yet. Its status will change when a member of staff"
                                + " reviews it. Please quote the reference if you write again about the same matter.\n\n"
                                + "This message was sent automatically.");
            case DARI ->
                new MessageText(
                        "درخواست " + reference + " دریافت شد",
                        "درخواست شما به " + post.name() + " به تاریخ " + date + " ساعت " + time + " (به وقت " + zone
                                + ") دریافت شد.\n\n"
                                + "شمارهٔ مرجع: " + reference + "\n"
                                + "وضعیت: " + received(language) + "\n\n"
                                + "هنوز هیچ کسی درخواست شما را بررسی نکرده است. وقتی یکی از کارمندان آن را بررسی کند،"
                                + " وضعیت آن تغییر می‌کند. اگر دربارهٔ همین موضوع دوباره می‌نویسید، لطفاً شمارهٔ مرجع را"
                                + " ذکر کنید.\n\n"
                                + "این پیام به صورت خودکار فرستاده شده است.");
            case PASHTO ->
                new MessageText(
                        "غوښتنه " + reference + " ترلاسه شوه",
                        "ستاسو غوښتنه " + post.name() + " ته په " + date + " نېټه د " + time + " بجو (د " + zone
                                + " په وخت) ترلاسه شوه.\n\n"
                                + "مرجع شمېره: " + reference + "\n"
                                + "حالت: " + received(language) + "\n\n"
                                + "تر اوسه هېچا ستاسو غوښتنه نه ده بیاکتلې. کله چې یو کارکوونکی یې وګوري، حالت به یې"
                                + " بدل شي. که د همدې موضوع په اړه بیا لیکئ، مهرباني وکړئ مرجع شمېره یاده کړئ.\n\n"
                                + "دا پیغام په اتوماتیک ډول لېږل شوی دی.");
        };
    }
}
