package org.muster.notification.alerts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.muster.notification.Language;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public alerts in the ecosystem's formats: a message to the public as a CAP 1.2 document (for
 * members of its post, any such message; for everyone, the published ones) and the post's Atom feed
 * (public). Addresses in the documents are built on {@code muster.notification.public-url}; the CAP
 * sender is {@code muster.notification.cap-sender} with {@code {code}} replaced by the post's code.
 */
@RestController
class AlertsController {
    private static final MediaType CAP = MediaType.parseMediaType(CapDocument.MEDIA_TYPE + ";charset=UTF-8");
    private static final MediaType ATOM = MediaType.parseMediaType(AtomFeed.MEDIA_TYPE + ";charset=UTF-8");

    private final PublicAlerts alerts;
    private final Posts posts;
    private final Clock clock;
    private final String publicUrl;
    private final String sender;

    AlertsController(
            PublicAlerts alerts,
            Posts posts,
            Clock clock,
            @Value("${muster.notification.public-url:http://localhost:8080}") String publicUrl,
            @Value("${muster.notification.cap-sender:muster-{code}@localhost}") String sender) {
        this.alerts = alerts;
        this.posts = posts;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.sender = sender;
    }

    @GetMapping("/messages/{id}/cap.xml")
    ResponseEntity<String> cap(@PathVariable long id) {
        return ResponseEntity.ok().contentType(CAP).body(cap(alerts.forMember(id)));
    }

    @GetMapping("/posts/{code}/alerts/{id}.cap.xml")
    ResponseEntity<String> publishedCap(@PathVariable String code, @PathVariable long id) {
        return ResponseEntity.ok().contentType(CAP).body(cap(alerts.published(post(code), id)));
    }

    @GetMapping("/posts/{code}/alerts.atom")
    ResponseEntity<String> feed(@PathVariable String code) {
        Post post = post(code);
        String body = AtomFeed.write(
                post,
                alerts.feed(post),
                publicUrl + "/posts/" + post.code() + "/alerts.atom",
                id -> capUrl(post, id),
                OffsetDateTime.now(clock));
        return ResponseEntity.ok().contentType(ATOM).body(body);
    }

    @PutMapping("/api/v1/messages/{id}/cap")
    CapAttributes describe(@PathVariable long id, @RequestBody CapAttributes attributes) {
        return alerts.describe(id, attributes);
    }

    private String cap(PublicAlert alert) {
        Post post = alert.post();
        Map<Language, String> contact = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            contact.put(l, publicUrl + "/posts/" + post.code() + "/requests/new?lang=" + l.tag());
        }
        return CapDocument.write(
                alert,
                sender.replace("{code}", post.code().toLowerCase(Locale.ROOT)),
                capUrl(post, alert.messageId()),
                contact);
    }

    private String capUrl(Post post, long id) {
        return publicUrl + "/posts/" + post.code() + "/alerts/" + id + ".cap.xml";
    }

    private Post post(String code) {
        return posts.findByCode(code).orElseThrow(() -> new NotFoundException("No post with code " + code));
    }
}
