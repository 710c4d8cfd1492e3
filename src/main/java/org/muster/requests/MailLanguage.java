package org.muster.requests;

import org.muster.notification.Language;

/**
 * Guesses the language of a mail from its script, for the acknowledgement: letters only Pashto uses
 * (ټ ډ ړ ږ ښ ځ څ ڼ ې ۍ) mean Pashto, other Arabic-script letters Dari, anything else English. Staff see
 * the guess on the ticket.
 */
final class MailLanguage {
    private static final String PASHTO_ONLY = "ټډړږښځڅڼېۍ";

    private MailLanguage() {}

    static Language of(String text) {
        boolean arabicScript = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (PASHTO_ONLY.indexOf(c) >= 0) {
                return Language.PASHTO;
            }
            if (c >= '\u0600' && c <= '\u06FF') {
                arabicScript = true;
            }
        }
        return arabicScript ? Language.DARI : Language.ENGLISH;
    }
}
