package org.muster.notification.sending;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muster.notification.Channel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SMS through an HTTP gateway: one POST per delivery to {@code muster.notification.sms.endpoint}, the
 * body made from {@code muster.notification.sms.template} with {@code {to}}, {@code {text}} and
 * {@code {reference}} (the delivery id, the same on a resend) escaped for the content type (JSON, or
 * URL-encoding for a form). A batch's requests go out concurrently. 2xx is SENT; 429, 5xx, timeouts and
 * connection errors are retried; any other status fails for good with the status and the start of the
 * gateway's answer. With no endpoint configured the channel is off and its deliveries fail at once
 * with that reason (rather than wait unseen for a gateway that may never be configured).
 */
@Component
class SmsChannel implements DeliveryChannel {
    static final String DEFAULT_TEMPLATE = "{\"to\":\"{to}\",\"text\":\"{text}\",\"reference\":\"{reference}\"}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(to|text|reference)}");
    static final String NOT_CONFIGURED = "no SMS gateway is configured (muster.notification.sms.endpoint)";

    private final URI endpoint;
    private final String template;
    private final String contentType;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    SmsChannel(
            @Value("${muster.notification.sms.endpoint:}") String endpoint,
            @Value("${muster.notification.sms.template:}") String template,
            @Value("${muster.notification.sms.content-type:application/json}") String contentType,
            @Value("${muster.notification.sms.authorization:}") String authorization,
            @Value("${muster.notification.sms.timeout:10s}") Duration timeout) {
        this.endpoint = endpoint.isBlank() ? null : URI.create(endpoint.strip());
        this.template = template.isBlank() ? DEFAULT_TEMPLATE : template;
        this.contentType = contentType;
        this.authorization = authorization;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Channel kind() {
        return Channel.SMS;
    }

    @Override
    public List<SendResult> send(List<OutgoingDelivery> batch) {
        if (endpoint == null) {
            return batch.stream()
                    .map(d -> SendResult.failed(d.id(), NOT_CONFIGURED))
                    .toList();
        }
        List<CompletableFuture<SendResult>> pending = new ArrayList<>(batch.size());
        for (OutgoingDelivery d : batch) {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .timeout(timeout)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body(d), StandardCharsets.UTF_8));
            if (!authorization.isBlank()) {
                request.header("Authorization", authorization);
            }
            pending.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> error == null ? result(d, response) : failure(d, error)));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    /** The request body for a delivery: the template with its placeholders filled in. */
    String body(OutgoingDelivery d) {
        return PLACEHOLDER
                .matcher(template)
                .replaceAll(m -> Matcher.quoteReplacement(escape(
                        switch (m.group(1)) {
                            case "to" -> d.address();
                            case "reference" -> d.id().toString();
                            default -> text(d);
                        })));
    }

    /** An SMS carries the subject and the body (with the link) on separate lines. */
    static String text(OutgoingDelivery d) {
        return d.subject() + "\n" + d.text();
    }

    private String escape(String value) {
        return contentType.startsWith("application/x-www-form-urlencoded")
                ? URLEncoder.encode(value, StandardCharsets.UTF_8)
                : json(value);
    }

    static String json(String value) {
        StringBuilder s = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    private static SendResult result(OutgoingDelivery d, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return SendResult.sent(d.id());
        }
        String answer = "gateway answered " + status + ": " + excerpt(response.body());
        return status == 429 || status >= 500 ? SendResult.retry(d.id(), answer) : SendResult.failed(d.id(), answer);
    }

    private static SendResult failure(OutgoingDelivery d, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String what = cause instanceof IOException ? "gateway unreachable: " : "gateway request failed: ";
        return SendResult.retry(
                d.id(), what + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
    }

    private static String excerpt(String body) {
        String b = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return b.length() > 200 ? b.substring(0, 200) + "…" : b;
    }
}
