package org.muster.notification.sending;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The outside world of the sending tests, started once per test JVM: a GreenMail SMTP server and a
 * loopback SMS gateway whose answer each test sets, both on free ports handed to the context.
 */
class TestServers implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    static final GreenMail mail;
    static final SmsGateway sms;

    static {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        sms = new SmsGateway();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "spring.mail.host=127.0.0.1",
                        "spring.mail.port=" + mail.getSmtp().getPort(),
                        "muster.notification.sms.endpoint=http://127.0.0.1:" + sms.port() + "/send")
                .applyTo(context);
    }

    /** A request the gateway received: its body and content type, and when (System.nanoTime). */
    record Received(String body, String contentType, long nanos) {}

    /** A loopback SMS gateway: records each request and answers with what {@link #answer} returns. */
    static final class SmsGateway {
        private final HttpServer server;
        final List<Received> received = new CopyOnWriteArrayList<>();
        volatile Function<Received, Answer> answer = r -> new Answer(200, "{\"status\":\"accepted\"}");

        record Answer(int status, String body) {}

        SmsGateway() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/send", exchange -> {
                Received r = new Received(
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        System.nanoTime());
                received.add(r);
                Answer a = answer.apply(r);
                byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(a.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }
    }
}
