package dev.emailconnectors.postmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.okhttp.HttpTransport;
import dev.emailconnectors.okhttp.Mailboxes;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import dev.emailconnectors.spi.StoredTemplates;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Sends each message with one request through the shared HTTP transport: {@code POST /email/withTemplate} for a
 * Postmark template, {@code POST /email} for a template rendered here. Immutable and thread-safe.
 */
final class PostmarkSender implements EmailSender {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    private final HttpTransport http;
    private final HttpUrl email;
    private final HttpUrl withTemplate;
    private final String serverToken;
    private final Mailbox from;
    private final String messageStream;
    private final StoredTemplates templates;

    PostmarkSender(
            HttpTransport http, String serverToken, Mailbox from, String messageStream, StoredTemplates templates) {
        this.http = http;
        this.email = http.endpoint().newBuilder().addPathSegment("email").build();
        this.withTemplate = email.newBuilder().addPathSegment("withTemplate").build();
        this.serverToken = serverToken;
        this.from = from;
        this.messageStream = messageStream;
        this.templates = templates;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        StoredTemplates.Entry entry = templates.choose(message);
        ObjectNode body = JSON.createObjectNode();
        RenderedEmail rendered;
        HttpUrl url;
        if (entry instanceof StoredTemplates.Stored alias) {
            rendered = message.render(alias.headers());
            url = withTemplate;
            body.put("TemplateAlias", alias.reference());
            body.set("TemplateModel", message.payload().toJson());
        } else {
            rendered = message.render(((StoredTemplates.Rendered) entry).template());
            url = email;
            body.put("Subject", rendered.subject());
            rendered.html().ifPresent(html -> body.put("HtmlBody", html));
            if (!rendered.text().isBlank()) {
                body.put("TextBody", rendered.text());
            }
        }
        body.put("From", Mailboxes.format(Mailboxes.sender(rendered.from(from))));
        body.put("To", message.to().toAscii());
        rendered.replyTo().map(Mailboxes::replyTo).ifPresent(r -> body.put("ReplyTo", Mailboxes.format(r)));
        body.put("MessageStream", messageStream);
        JsonNode answer = http.execute(new Request.Builder()
                        .url(url)
                        .header("X-Postmark-Server-Token", serverToken)
                        .header("Accept", "application/json")
                        .post(RequestBody.create(bytes(body), APPLICATION_JSON))
                        .build())
                .json();
        checkAnswer(answer);
        String id = answer.path("MessageID").asText("");
        return message.accepted(id.isEmpty() ? null : id);
    }

    /** A 200 answer should carry {@code ErrorCode} 0; anything else is a refusal in a success envelope. */
    private static void checkAnswer(JsonNode answer) {
        int code = answer.path("ErrorCode").asInt(0);
        if (code != 0) {
            ErrorCode mapped = PostmarkErrors.classify(Integer.toString(code));
            throw EmailConnectorException.builder(
                            Objects.requireNonNullElse(mapped, ErrorCode.PROVIDER_REJECTED),
                            "Postmark answered HTTP 200 with ErrorCode " + code + ": "
                                    + answer.path("Message").asText(""))
                    .providerStatus(200)
                    .providerErrorCode(Integer.toString(code))
                    .build();
        }
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new EmailConnectorException(ErrorCode.INVALID_PAYLOAD, "The message could not be written as JSON", e);
        }
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
        return "PostmarkSender{" + http + ", from=" + from + ", messageStream=" + messageStream + "}";
    }
}
