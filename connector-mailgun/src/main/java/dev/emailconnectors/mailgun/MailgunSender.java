package dev.emailconnectors.mailgun;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.okhttp.HttpResponse;
import dev.emailconnectors.okhttp.HttpTransport;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;
import okhttp3.Request;

/**
 * Sends each message with one {@code POST /v3/<domain>/messages} through the shared HTTP transport, which owns
 * timeouts, retries and the status mapping. The domain is one encoded path segment, so no value can change the path.
 * The form is built once per message; every attempt sends the same fields. Immutable and thread-safe.
 */
final class MailgunSender implements EmailSender {
    private final HttpTransport http;
    private final HttpUrl url;
    private final String authorization;
    private final Mailbox from;
    private final Deliveries deliveries;
    private final Clock clock;

    MailgunSender(
            HttpTransport http, String domain, String authorization, Mailbox from, Deliveries deliveries, Clock clock) {
        this.http = http;
        this.url = http.endpoint()
                .newBuilder()
                .addPathSegment("v3")
                .addPathSegment(domain)
                .addPathSegment("messages")
                .build();
        this.authorization = authorization;
        this.from = from;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        MultipartBody form = MailgunMessage.form(MailgunMessage.fields(message, deliveries.choose(message), from));
        HttpResponse ok;
        try {
            ok = http.execute(new Request.Builder()
                    .url(url)
                    .header("Authorization", authorization)
                    .header("Accept", "application/json")
                    .post(form)
                    .build());
        } catch (EmailConnectorException e) {
            throw MailgunErrors.withRetryAfter(e, clock);
        }
        return message.accepted(messageId(ok.json().path("id").asText("")));
    }

    /** Mailgun answers {@code <id@domain>}; its events and webhooks use the id without the angle brackets. */
    static String messageId(String id) {
        String bare = id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
        return bare.isBlank() ? null : bare;
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
        return "MailgunSender{" + http + ", domain path " + url.encodedPath() + ", from=" + from + "}";
    }
}
