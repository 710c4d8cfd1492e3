package org.muster.demo;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.muster.notification.Audience;
import org.muster.notification.Channel;
import org.muster.notification.Draft;
import org.muster.notification.Language;
import org.muster.notification.MessageText;
import org.muster.notification.Messages;
import org.muster.people.Category;
import org.muster.posts.Post;
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the demo embassy's Afghan people their languages (Dari for most, Pashto for about one in
 * five, by person id, so a load is repeatable) and sends two messages: the security officer's
 * threat warning to official staff only (which opens the no-double-standard review task on the
 * dashboard) and the consular section's call to private citizens to account for themselves, from the
 * shared template in English, Dari and Pashto. The texts are fictional. Sent once the server is ready
 * ({@link DemoUnderWay}).
 */
@Component
class DemoMessages {
    private final Messages messages;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;

    DemoMessages(Messages messages, UserAccounts accounts, JdbcClient jdbc) {
        this.messages = messages;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    boolean isThere(Post post) {
        return jdbc.sql("select exists (select 1 from message where post_id = ?)")
                .param(post.id())
                .query(Boolean.class)
                .single();
    }

    void apply(Post post) {
        jdbc.sql("""
                update person set language = case when id % 5 = 0 then 'ps-AF' when id % 5 = 4 then 'en-US' else 'fa-AF' end
                where post_id = ? and nationality = 'AF'
                """).param(post.id()).update();
        as(
                "rso.kbl",
                () -> messages.send(
                        post.id(),
                        new Draft(
                                null,
                                Map.of(
                                        Language.ENGLISH,
                                        new MessageText(
                                                "Road to the airport closed after clashes",
                                                "Armed clashes were reported on the airport road this morning. Staff stay on the"
                                                        + " compound until further notice. {link}")),
                                Classification.UNCLASSIFIED,
                                Set.of(Channel.IN_APP, Channel.EMAIL),
                                Audience.categories(
                                        EnumSet.of(Category.US_DIRECT_HIRE, Category.ELIGIBLE_FAMILY_MEMBER)),
                                true,
                                null)));
        as(
                "consular.kbl",
                () -> messages.send(
                        post.id(),
                        new Draft(
                                "Account for yourself: answer with the link",
                                Map.of(),
                                Classification.UNCLASSIFIED,
                                Set.of(Channel.EMAIL, Channel.SMS, Channel.IN_APP),
                                Audience.categories(
                                        EnumSet.of(Category.PRIVATE_US_CITIZEN, Category.LAWFUL_PERMANENT_RESIDENT)),
                                false,
                                null)));
    }

    private <T> T as(String username, Supplier<T> work) {
        return DemoSignIn.as(accounts, username, work);
    }
}
