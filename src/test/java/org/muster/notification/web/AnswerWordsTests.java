package org.muster.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.muster.notification.Answer;
import org.muster.notification.Language;

class AnswerWordsTests {

    @Test
    void everyLanguageHasEveryTextOfTheEnglishPage() {
        var english = AnswerWords.of(Language.ENGLISH);
        for (Language l : Language.values()) {
            assertThat(AnswerWords.of(l).keys()).as(l.tag()).isEqualTo(english.keys());
        }
    }

    @Test
    void dariAndPashtoAreWrittenInTheirOwnScriptNotCopiedFromEnglish() {
        var english = AnswerWords.of(Language.ENGLISH);
        for (Language l : new Language[] {Language.DARI, Language.PASHTO}) {
            var words = AnswerWords.of(l);
            for (String key : english.keys()) {
                assertThat(words.t(key))
                        .as(l.tag() + " " + key)
                        .isNotEqualTo(english.t(key))
                        .containsPattern("[\\u0600-\\u06FF]");
            }
        }
        assertThat(AnswerWords.of(Language.DARI).answer(Answer.NEED_HELP)).isEqualTo("به کمک نیاز دارم");
        assertThat(AnswerWords.of(Language.PASHTO).answer(Answer.NEED_HELP)).isEqualTo("مرستې ته اړتیا لرم");
    }

    @Test
    void valuesAndDatesGoIntoTheTextInTheLanguagesOwnWay() {
        Instant at = Instant.parse("2021-08-14T10:30:00Z");
        ZoneId kabul = ZoneId.of("Asia/Kabul");

        assertThat(AnswerWords.of(Language.ENGLISH).t("hello.name", "Ann")).isEqualTo("Hello, Ann");
        assertThat(AnswerWords.of(Language.ENGLISH).t("expired.body", "Embassy Kabul"))
                .startsWith("Links in messages from Embassy Kabul");
        assertThat(AnswerWords.of(Language.ENGLISH).when(at, kabul).replace('\u202f', ' '))
                .isEqualTo("Aug 14, 2021, 3:00 PM");
        assertThat(AnswerWords.of(Language.DARI).when(at, kabul)).contains("اگست", "15:00");
        assertThat(AnswerWords.of(Language.PASHTO).when(at, kabul)).contains("اګست", "15:00");
    }
}
