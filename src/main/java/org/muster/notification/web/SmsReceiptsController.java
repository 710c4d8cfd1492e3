package org.muster.notification.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.muster.notification.sending.SmsReceipts;
import org.muster.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The SMS gateway's delivery receipts: {@code POST /sms/receipts/{token}} with one receipt or an array
 * of them, e.g. {@code {"reference": "<the reference Muster sent>", "status": "delivered"}} or
 * {@code {"reference": "...", "status": "failed", "error": "absent subscriber"}}. The gateway is no
 * user: the secret {@code muster.notification.sms.receipt-token} in the callback address is its
 * credential (most gateways take a callback address and no headers); without one configured, receipts
 * are not taken (404).
 */
@RestController
class SmsReceiptsController {
    private static final Logger log = LoggerFactory.getLogger(SmsReceiptsController.class);
    /** The shortest secret taken: it is all that stands between the address and the deliveries' states. */
    static final int MIN_TOKEN_LENGTH = 32;

    private final SmsReceipts receipts;
    private final byte[] token;

    SmsReceiptsController(SmsReceipts receipts, @Value("${muster.notification.sms.receipt-token:}") String token) {
        String secret = token.strip();
        if (!secret.isEmpty() && secret.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException(
                    "muster.notification.sms.receipt-token is too short: use a random secret of at" + " least "
                            + MIN_TOKEN_LENGTH + " characters");
        }
        this.receipts = receipts;
        this.token = secret.getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(
            path = "/sms/receipts/{token}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SmsReceipts.Outcome receive(@PathVariable String token, @RequestBody JsonNode body) {
        if (this.token.length == 0) {
            throw new NotFoundException(
                    "SMS receipts are not taken here: no muster.notification.sms.receipt-token is configured");
        }
        if (!MessageDigest.isEqual(this.token, token.getBytes(StandardCharsets.UTF_8))) {
            log.warn("Refused SMS receipts sent to a wrong receipt address");
            throw new AccessDeniedException("This is not the receipt address configured for the SMS gateway.");
        }
        return receipts.apply(body);
    }
}
