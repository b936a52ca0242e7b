package dev.emailconnectors.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.okhttp.HttpTransport;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Posts one message: the body is built once, and every attempt gets the same {@code webhook-id} with a fresh
 * timestamp and signature. Thread-safe and stateless apart from its immutable configuration.
 */
final class WebhookSender implements EmailSender {
    private static final ObjectMapper JSON = new ObjectMapper();
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
        byte[] body = body(message);
        RequestBody requestBody = RequestBody.create(body, APPLICATION_JSON);
        String id = message.messageId();
        http.execute(() -> {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            Request.Builder request = new Request.Builder()
                    .url(http.endpoint())
                    .headers(headers)
                    .header("webhook-id", id)
                    .header("webhook-timestamp", timestamp)
                    .post(requestBody);
            if (signer != null) {
                request.header("webhook-signature", signer.header(id, Long.parseLong(timestamp), body));
            }
            return request.build();
        });
        return message.accepted(id);
    }

    /** Writes Logto's request body: {@code {"to","type","payload","ip"?}}. */
    static byte[] body(OutboundMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("to", message.to().address());
            json.writeStringField("type", message.type().wireName());
            json.writeFieldName("payload");
            json.writeObject(message.payload().asMap());
            Optional<String> ip = message.clientIp().filter(s -> !s.isBlank());
            if (ip.isPresent()) {
                json.writeStringField("ip", ip.get());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new EmailConnectorException(ErrorCode.INVALID_PAYLOAD, "The payload could not be written as JSON", e);
        }
        return out.toByteArray();
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
