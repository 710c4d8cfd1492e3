package org.muster.notification.web;

import jakarta.servlet.http.HttpSession;
import org.muster.notification.Messages;
import org.muster.posts.CurrentPost;
import org.muster.posts.Post;
import org.muster.security.Reader;
import org.muster.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** What the message pages share: the current post and who may compose there. */
@Component
class MessagePages {
    private final CurrentPost currentPost;
    private final Messages messages;

    MessagePages(CurrentPost currentPost, Messages messages) {
        this.currentPost = currentPost;
        this.messages = messages;
    }

    Post post(HttpSession session) {
        return currentPost.get(session).orElseThrow(() -> new NotFoundException("Choose a post first."));
    }

    /** The reader, if they may compose messages at the post at all (403 otherwise). */
    Reader requireSender(long postId) {
        return messages.requireSender(postId);
    }

    /** Whether the audience builder offers every kind (a warden alone is held to their own list). */
    boolean mayChooseAnyAudience(Reader reader) {
        return messages.mayChooseAnyAudience(reader);
    }
}
