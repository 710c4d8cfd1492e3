package org.muster.requests.web;

import java.util.Map;
import org.muster.notification.Language;
import org.muster.requests.Queue;

/** The public form's words in English, Dari and Pashto. */
record IntakeText(
        String title,
        String intro,
        String name,
        String email,
        String phone,
        String contactHint,
        String queue,
        Map<Queue, String> queues,
        String subject,
        String body,
        String submit,
        String required,
        String problem,
        String receivedTitle,
        String reference,
        String status,
        String keepReference,
        String acknowledgementQueued,
        String noAcknowledgement,
        String another) {

    public String queueLabel(Queue q) {
        return queues.get(q);
    }

    /** The label of a form field by its name, for the error message. */
    public String label(String field) {
        return switch (field) {
            case "name" -> name;
            case "email" -> email;
            case "phone" -> phone;
            case "queue" -> queue;
            case "subject" -> subject;
            case "body" -> body;
            default -> field;
        };
    }

    static IntakeText of(Language language) {
        return switch (language) {
            case ENGLISH ->
                new IntakeText(
                        "Ask the embassy for help",
                        "Write to the consular section. You will get a reference number. Do not send passwords"
                                + " or classified information.",
                        "Your full name",
                        "E-mail address",
                        "Phone number",
                        "Give an e-mail address, a phone number or both, so that we can reply.",
                        "What is your request about?",
                        Map.of(
                                Queue.ACS, "Help for a U.S. citizen (American citizen services)",
                                Queue.VISAS, "Visas and special immigrant visas (SIV)",
                                Queue.EVACUATION, "Evacuation and departure",
                                Queue.OTHER, "Something else"),
                        "Subject",
                        "Your message",
                        "Send request",
                        "required",
                        "Please check this field:",
                        "Your request was received",
                        "Your reference",
                        "Status",
                        "Keep this reference and quote it if you write again about the same matter.",
                        "An acknowledgement with this reference is queued to your e-mail address.",
                        "You gave no e-mail address, so no acknowledgement will be e-mailed.",
                        "Send another request");
            case DARI ->
                new IntakeText(
                        "از سفارت کمک بخواهید",
                        "به بخش قونسلی بنویسید. شما یک شمارهٔ مرجع دریافت خواهید کرد. رمز عبور یا معلومات محرم نفرستید.",
                        "نام کامل شما",
                        "آدرس ایمیل",
                        "شمارهٔ تلفن",
                        "یک آدرس ایمیل، یک شمارهٔ تلفن یا هر دو را بنویسید تا بتوانیم پاسخ بدهیم.",
                        "درخواست شما دربارهٔ چیست؟",
                        Map.of(
                                Queue.ACS, "کمک برای یک شهروند امریکایی (خدمات شهروندان امریکایی)",
                                Queue.VISAS, "ویزا و ویزای مهاجرت خاص (SIV)",
                                Queue.EVACUATION, "تخلیه و خروج",
                                Queue.OTHER, "موضوع دیگر"),
                        "موضوع",
                        "پیام شما",
                        "فرستادن درخواست",
                        "ضروری",
                        "لطفاً این بخش را بررسی کنید:",
                        "درخواست شما دریافت شد",
                        "شمارهٔ مرجع شما",
                        "وضعیت",
                        "این شمارهٔ مرجع را نگه دارید و اگر دربارهٔ همین موضوع دوباره می‌نویسید، آن را ذکر کنید.",
                        "یک تأییدیه با این شمارهٔ مرجع برای فرستادن به ایمیل شما در نوبت است.",
                        "شما آدرس ایمیل ننوشتید، بنابراین هیچ تأییدیه‌ای ایمیل نخواهد شد.",
                        "فرستادن درخواست دیگر");
            case PASHTO ->
                new IntakeText(
                        "له سفارت څخه مرسته وغواړئ",
                        "قونسلي برخې ته ولیکئ. تاسو به یوه مرجع شمېره ترلاسه کړئ. پټنوم یا محرم معلومات مه لېږئ.",
                        "ستاسو بشپړ نوم",
                        "برېښنالیک پته",
                        "د تلیفون شمېره",
                        "یوه برېښنالیک پته، د تلیفون شمېره یا دواړه ولیکئ، ترڅو موږ ځواب درکړو.",
                        "ستاسو غوښتنه د څه په اړه ده؟",
                        Map.of(
                                Queue.ACS, "د یو امریکايي تبعه لپاره مرسته (د امریکايي تبعه ګانو خدمتونه)",
                                Queue.VISAS, "ویزې او ځانګړې مهاجرتي ویزې (SIV)",
                                Queue.EVACUATION, "ایستنه او وتل",
                                Queue.OTHER, "بل څه"),
                        "موضوع",
                        "ستاسو پیغام",
                        "غوښتنه ولېږئ",
                        "اړین",
                        "مهرباني وکړئ دا برخه وګورئ:",
                        "ستاسو غوښتنه ترلاسه شوه",
                        "ستاسو مرجع شمېره",
                        "حالت",
                        "دا مرجع شمېره وساتئ او که د همدې موضوع په اړه بیا لیکئ، یاده یې کړئ.",
                        "د دې مرجع شمېرې سره یو تاییدیه ستاسو برېښنالیک ته د لېږلو لپاره په کتار کې ده.",
                        "تاسو برېښنالیک پته نه ده ورکړې، نو هېڅ تاییدیه به برېښنالیک ته ونه لېږل شي.",
                        "بله غوښتنه ولېږئ");
        };
    }
}
