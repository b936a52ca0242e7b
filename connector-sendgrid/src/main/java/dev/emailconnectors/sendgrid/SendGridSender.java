package dev.emailconnectors.sendgrid;

import dev.emailconnectors.Mailbox;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.okhttp.HttpResponse;
import dev.emailconnectors.okhttp.HttpTransport;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.StoredTemplates;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Sends each message with one {@code POST /v3/mail/send} through the shared HTTP transport, which owns timeouts,
 * retries and the status mapping. The body is built once per message; every attempt sends the same bytes. Immutable
 * and thread-safe.
 */
final class SendGridSender implements EmailSender {
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpTransport http;
    private final HttpUrl url;
    private final String authorization;
    private final Mailbox from;
    private final StoredTemplates templates;

    SendGridSender(HttpTransport http, String apiKey, Mailbox from, StoredTemplates templates) {
        this.http = http;
        this.url = http.endpoint().newBuilder().addPathSegments("v3/mail/send").build();
        this.authorization = "Bearer " + apiKey;
        this.from = from;
        this.templates = templates;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        RequestBody body = RequestBody.create(SendGridMail.body(message, templates.choose(message), from), JSON);
        HttpResponse ok = http.execute(new Request.Builder()
                .url(url)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .post(body)
                .build());
        return message.accepted(
                ok.header("X-Message-Id").filter(id -> !id.isBlank()).orElse(null));
    }

    /** The transport retries when {@code retry.maxAttempts} is above 1, so layers above must not retry again. */
    @Override
    public boolean retriesInternally() {
        return http.options().retry().maxAttempts() > 1;
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "SendGridSender{" + http + ", from=" + from + "}";
    }
}
