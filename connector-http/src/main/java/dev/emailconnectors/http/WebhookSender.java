package dev.emailconnectors.http;

import dev.emailconnectors.SendResult;
import dev.emailconnectors.okhttp.HttpTransport;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import java.time.Clock;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Posts one message: the body is built once, and every attempt gets the same {@code webhook-id} with a fresh
 * timestamp and signature. Thread-safe and stateless apart from its immutable configuration.
 */
final class WebhookSender implements EmailSender {
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    private final HttpTransport http;
    private final Headers headers;
    private final WebhookSigner signer;
    private final Clock clock;

    WebhookSender(HttpTransport http, Headers headers, WebhookSigner signer, Clock clock) {
        this.http = http;
        this.headers = headers;
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        byte[] body = WebhookBody.of(message);
        RequestBody requestBody = RequestBody.create(body, APPLICATION_JSON);
        String id = message.messageId();
        http.execute(() -> {
            long timestamp = clock.instant().getEpochSecond();
            Request.Builder request = new Request.Builder()
                    .url(http.endpoint())
                    .headers(headers) // configuration cannot hold webhook-* headers, so add() never duplicates
                    .addHeader("webhook-id", id)
                    .addHeader("webhook-timestamp", Long.toString(timestamp))
                    .post(requestBody);
            if (signer != null) {
                request.addHeader("webhook-signature", signer.header(id, timestamp, body));
            }
            return request.build();
        });
        return message.accepted(id);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "WebhookSender[" + http + ", signed=" + (signer != null) + "]";
    }
}
