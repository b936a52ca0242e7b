package dev.emailconnectors.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.okhttp.HttpOptions;
import dev.emailconnectors.okhttp.HttpTransport;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.ConnectorResources;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.StoredTemplates;
import dev.emailconnectors.spi.TemplateSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SendGrid connector (id {@code sendgrid}, alias {@code sendgrid-email-service}, Logto's id): sends each message
 * with SendGrid's v3 Mail Send API, {@code POST /v3/mail/send} with {@code Authorization: Bearer <apiKey>}.
 *
 * <p>Its configuration has the fields of Logto's SendGrid connector ({@code apiKey}, {@code fromEmail},
 * {@code fromName}, {@code templates} whose content type is in {@code type}, or {@code contentType}), so a stored
 * Logto configuration works unchanged, plus {@code templateId} entries for SendGrid dynamic templates and the options
 * every HTTP connector has ({@code endpoint}, {@code timeout}, {@code retry}). Unlike Logto's connector it puts
 * {@code fromName} on the sender for every template, parses a template's {@code sendFrom} as {@code Name <address>},
 * sends {@code replyTo}, and sends HTML with a plain-text alternative (text first, as SendGrid requires). The result
 * carries SendGrid's {@code X-Message-Id}.
 *
 * <p>Created by {@link java.util.ServiceLoader}; applications use it through
 * {@link dev.emailconnectors.ConnectorCatalog}.
 */
public final class SendGridProvider implements EmailConnectorProvider {
    /** The public API base URL, used when {@code endpoint} is absent. */
    static final String DEFAULT_ENDPOINT = "https://api.sendgrid.com";

    private static final ConnectorResources RESOURCES =
            ConnectorResources.of(SendGridProvider.class::getResourceAsStream);
    private static final JsonNode SCHEMA = RESOURCES.json("schema.json");
    private static final ConnectorMetadata METADATA = new ConnectorMetadata(
            "sendgrid",
            List.of("sendgrid-email-service"),
            "sendgrid-mail",
            Map.of(
                    "en", "SendGrid",
                    "es", "SendGrid",
                    "fr", "SendGrid",
                    "de", "SendGrid",
                    "zh-CN", "SendGrid 邮件"),
            Map.of(
                    "en", "Sends email through the SendGrid v3 Mail Send API, with your templates or SendGrid's.",
                    "es",
                            "Envía correos electrónicos con la API Mail Send v3 de SendGrid, con sus plantillas o las de"
                                    + " SendGrid.",
                    "fr",
                            "Envoie les e-mails via l'API Mail Send v3 de SendGrid, avec vos modèles ou ceux de"
                                    + " SendGrid.",
                    "de",
                            "Versendet E-Mails über die SendGrid-v3-Mail-Send-API, mit Ihren Vorlagen oder denen von"
                                    + " SendGrid.",
                    "zh-CN", "通过 SendGrid v3 Mail Send API 发送电子邮件，可使用您自己的模板或 SendGrid 动态模板。"),
            RESOURCES.svgDataUrl("logo.svg"),
            RESOURCES.text("readme.md"));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public SendGridProvider() {}

    @Override
    public ConnectorMetadata metadata() {
        return METADATA;
    }

    @Override
    public JsonNode configSchema() {
        return SCHEMA;
    }

    @Override
    public List<ConfigViolation> validate(JsonNode config) {
        List<ConfigViolation> problems = new ArrayList<>(HttpOptions.validate(config));
        problems.addAll(ConfigSupport.requireTemplateTypes(
                config,
                "templates",
                TemplateType.REGISTER,
                TemplateType.SIGN_IN,
                TemplateType.FORGOT_PASSWORD,
                TemplateType.GENERIC));
        problems.addAll(ConfigSupport.checkTemplateSyntax(config, "templates"));
        JsonNode from = config.path("fromEmail");
        if (from.isTextual()
                && !from.asText().isBlank()
                && !EmailAddress.isValid(from.asText().trim())) {
            problems.add(new ConfigViolation("/fromEmail", "must be an email address, such as noreply@example.com"));
        }
        int i = 0;
        for (JsonNode t : config.path("templates")) {
            problems.addAll(checkEntry(t, "/templates/" + i++));
        }
        return problems;
    }

    private static List<ConfigViolation> checkEntry(JsonNode t, String path) {
        if (!t.isObject()) {
            return List.of();
        }
        List<ConfigViolation> problems = new ArrayList<>();
        boolean dynamic = t.has("templateId");
        if (dynamic && (t.has("subject") || t.has("content") || t.has("type") || t.has("contentType"))) {
            problems.add(new ConfigViolation(
                    path, "has a templateId, so SendGrid renders it; remove subject, content, type and contentType"));
        }
        if (!dynamic && (!t.has("subject") || !t.has("content"))) {
            problems.add(new ConfigViolation(path, "needs a subject and a content, or a templateId"));
        }
        if (t.path("type").isTextual()
                && t.path("contentType").isTextual()
                && !t.get("type").asText().equals(t.get("contentType").asText())) {
            problems.add(new ConfigViolation(path + "/contentType", "differs from type; set only one of them"));
        }
        return problems;
    }

    /** The entries rendered by the connector; {@code templateId} entries are rendered by SendGrid. */
    @Override
    public TemplateSource templates(JsonNode config) {
        return storedTemplates(config).rendered();
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        HttpTransport http = HttpTransport.builder(METADATA.id(), HttpOptions.from(config, DEFAULT_ENDPOINT), context)
                .errorParser(SendGridErrors.parser(config.path("apiKey").asText()))
                .build();
        JsonNode name = config.path("fromName");
        Mailbox from = Mailbox.of(
                name.isTextual() ? name.asText() : null,
                config.path("fromEmail").asText().trim());
        return new SendGridSender(http, config.path("apiKey").asText(), from, storedTemplates(config));
    }

    /** Logto's templates array: rendered entries, or entries that name a template stored at the provider. */
    private static StoredTemplates storedTemplates(JsonNode config) {
        return StoredTemplates.from(config.path("templates"), "templateId");
    }
}
