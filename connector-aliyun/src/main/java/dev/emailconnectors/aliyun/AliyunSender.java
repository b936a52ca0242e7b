package dev.emailconnectors.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.okhttp.HttpResponse;
import dev.emailconnectors.okhttp.HttpTransport;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Sends each message with one {@code SingleSendMail} call through the shared HTTP transport, which owns timeouts,
 * retries and the status mapping. Every attempt is signed anew (fresh timestamp and nonce). Thread-safe.
 */
final class AliyunSender implements EmailSender {
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded; charset=utf-8");

    private final HttpTransport http;
    private final SingleSendMail calls;

    AliyunSender(HttpTransport http, SingleSendMail calls) {
        this.http = http;
        this.calls = calls;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        Map<String, String> parameters = calls.message(message.to(), message.render());
        HttpResponse ok = http.execute(() -> new Request.Builder()
                .url(http.endpoint())
                .header("Accept", "application/json")
                .post(RequestBody.create(SingleSendMail.form(calls.signed(parameters)), FORM))
                .build());
        JsonNode body = ok.json();
        String envId = body.path("EnvId").asText("");
        String requestId = body.path("RequestId").asText("");
        if (envId.isEmpty()) {
            throw EmailConnectorException.builder(ErrorCode.INVALID_RESPONSE, "DirectMail answered without an EnvId")
                    .providerStatus(ok.status())
                    .providerRequestId(requestId.isEmpty() ? null : requestId)
                    .build();
        }
        SendResult result = message.accepted(envId);
        return requestId.isEmpty() ? result : result.withDetail("requestId", requestId);
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
        return "AliyunSender{" + http + "}";
    }
}
