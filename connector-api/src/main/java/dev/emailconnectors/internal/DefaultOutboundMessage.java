package dev.emailconnectors.internal;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.Payload;
import dev.emailconnectors.RenderedContent;
import dev.emailconnectors.SendRequest;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The core's {@link OutboundMessage}: one checked message, with lazy template selection and rendering. */
final class DefaultOutboundMessage implements OutboundMessage {
    private static final HexFormat HEX = HexFormat.of();
    private final String connectorId;
    private final SendRequest request;
    private final EmailAddress to;
    private final Clock clock;
    private final TemplateSelector selector;
    private final String languageTag;
    private final HostContent hostContent;
    private String messageId;
    private RenderedEmail rendered;

    DefaultOutboundMessage(
            String connectorId, SendRequest request, EmailAddress to, Clock clock, TemplateSelector selector) {
        this.connectorId = connectorId;
        this.request = request;
        this.to = to;
        this.clock = clock;
        this.selector = selector;
        this.languageTag = request.payload().preferredLanguageTag().orElse("");
        this.hostContent = request.content()
                .map(c -> HostContent.of(request.template(), c))
                .orElse(null);
    }

    @Override
    public String connectorId() {
        return connectorId;
    }

    @Override
    public TemplateType type() {
        return request.template();
    }

    @Override
    public EmailAddress to() {
        return to;
    }

    @Override
    public Payload payload() {
        return request.payload();
    }

    @Override
    public Optional<String> clientIp() {
        return request.clientIp();
    }

    @Override
    public Optional<String> idempotencyKey() {
        return request.idempotencyKey();
    }

    @Override
    public String messageId() {
        if (messageId == null) {
            messageId = request.idempotencyKey()
                    .map(DefaultOutboundMessage::hashId)
                    .orElseGet(DefaultOutboundMessage::randomId);
        }
        return messageId;
    }

    static String hashId(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            return "msg_" + encoded.substring(0, 32).replace('-', '0');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public int attempt() {
        return request.attempt();
    }

    @Override
    public Optional<RenderedContent> content() {
        return request.content();
    }

    @Override
    public String languageTag() {
        return languageTag;
    }

    @Override
    public Optional<EmailTemplate> hostTemplate(TemplateType type) {
        return selector.hostTemplate(type);
    }

    @Override
    public EmailTemplate selectTemplate() {
        if (hostContent != null) {
            return hostContent.template();
        }
        return selector.select(request.template());
    }

    @Override
    public RenderedEmail render() {
        if (rendered == null) {
            rendered = render(selectTemplate());
        }
        return rendered;
    }

    @Override
    public RenderedEmail render(EmailTemplate template) {
        if (hostContent != null && template == hostContent.template()) {
            return hostContent.rendered();
        }
        return TemplateSelector.render(template, request.payload());
    }

    @Override
    public SendResult accepted(String providerMessageId) {
        return SendResult.of(connectorId, providerMessageId, clock.instant());
    }

    @Override
    public String toString() {
        return "OutboundMessage{connector=" + connectorId + ", type=" + request.template() + ", id=" + messageId()
                + "}";
    }

    /**
     * A random message id of 128 bits. It names a message so receivers can drop duplicates; nothing relies on it being
     * unguessable (webhook requests are authenticated by their signature), so it comes from the thread's fast
     * generator rather than from {@code SecureRandom}, whose shared source all sending threads would queue for.
     */
    private static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "msg_" + HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
}
