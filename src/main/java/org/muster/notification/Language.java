package org.muster.notification;

import org.muster.shared.InvalidInputException;

/** A language messages are written in, by its BCP 47 tag; Dari and Pashto are written right to left. */
public enum Language {
    ENGLISH("en-US", "English", false),
    DARI("fa-AF", "دری", true),
    PASHTO("ps-AF", "پښتو", true);

    private final String tag;
    private final String nativeName;
    private final boolean rightToLeft;

    Language(String tag, String nativeName, boolean rightToLeft) {
        this.tag = tag;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
    }

    /** The BCP 47 tag, as stored and as written in CAP's {@code language} and HTML's {@code lang}. */
    public String tag() {
        return tag;
    }

    /** The language's name in itself. */
    public String nativeName() {
        return nativeName;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** {@code rtl} or {@code ltr}, for HTML's {@code dir}. */
    public String direction() {
        return rightToLeft ? "rtl" : "ltr";
    }

    /** Parses a tag ({@code fa-AF}), its language alone ({@code fa}) or the enum name, ignoring case. */
    public static Language parse(String field, String text) {
        String value = text == null ? "" : text.trim();
        for (Language l : values()) {
            if (l.tag.equalsIgnoreCase(value)
                    || l.tag.substring(0, 2).equalsIgnoreCase(value)
                    || l.name().equalsIgnoreCase(value)) {
                return l;
            }
        }
        throw new InvalidInputException(
                field, "unknown language '" + text + "'; one of en-US, fa-AF (Dari), ps-AF (Pashto)");
    }
}
