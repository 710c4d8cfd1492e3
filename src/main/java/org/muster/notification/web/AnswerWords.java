package org.muster.notification.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.muster.notification.Answer;
import org.muster.notification.Language;

/**
 * The words of the personal answer page in one language, from {@code
 * notification/answer-words_<tag>.properties} (UTF-8); a key missing in Dari or Pashto falls back to
 * English. {@code {}} in a text is replaced by the value given. Immutable; loaded once.
 */
public final class AnswerWords {
    private static final Map<Language, AnswerWords> ALL = load();

    private final Language language;
    private final Properties words;
    private final Properties english;

    private AnswerWords(Language language, Properties words, Properties english) {
        this.language = language;
        this.words = words;
        this.english = english;
    }

    static AnswerWords of(Language language) {
        return ALL.get(language);
    }

    public String t(String key) {
        String text = words.getProperty(key, english.getProperty(key));
        if (text == null) {
            throw new IllegalArgumentException("No answer-page text '" + key + "'");
        }
        return text;
    }

    public String t(String key, Object value) {
        return t(key).replace("{}", String.valueOf(value));
    }

    public String answer(Answer answer) {
        return t("answer." + answer.name());
    }

    /** A date and time in the post's time zone, as the language writes it. */
    public String when(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(language.tag()))
                .format(instant.atZone(zone));
    }

    Set<String> keys() {
        return words.stringPropertyNames();
    }

    private static Map<Language, AnswerWords> load() {
        Map<Language, Properties> read = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            Properties p = new Properties();
            String file = "/notification/answer-words_" + l.tag() + ".properties";
            var stream = AnswerWords.class.getResourceAsStream(file);
            if (stream == null) {
                throw new IllegalStateException("Missing " + file);
            }
            try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file, e);
            }
            read.put(l, p);
        }
        Map<Language, AnswerWords> words = new EnumMap<>(Language.class);
        read.forEach((l, p) -> words.put(l, new AnswerWords(l, p, read.get(Language.ENGLISH))));
        return Map.copyOf(words);
    }
}
