package dev.emailconnectors.postmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.okhttp.HttpOptions;
import dev.emailconnectors.okhttp.HttpTransport;
import dev.emailconnectors.okhttp.Mailboxes;
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
 * The Postmark connector (id {@code postmark}, alias {@code postmark-mail}, Logto's id). A configured
 * {@code templateAlias} is sent with {@code POST /email/withTemplate}, the whole payload being the template's
 * {@code TemplateModel}, as Logto's connector does; a template with a subject and content, and the host's
 * per-language templates (which win), are rendered here and sent with {@code POST /email} as {@code HtmlBody} and
 * {@code TextBody}. Every request carries {@code X-Postmark-Server-Token} and the configured {@code MessageStream}.
 *
 * <p>Its configuration has the fields of Logto's Postmark connector ({@code serverToken}, {@code fromEmail},
 * {@code templates}), so a stored Logto configuration works unchanged, plus {@code messageStream} and the options
 * every HTTP connector has ({@code endpoint}, {@code timeout}, {@code retry}). Postmark's {@code ErrorCode} chooses
 * the error code and stays on the exception as the provider error code; the result carries Postmark's
 * {@code MessageID}.
 *
 * <p>Created by {@link java.util.ServiceLoader}; applications use it through
 * {@link dev.emailconnectors.ConnectorCatalog}.
 */
public final class PostmarkProvider implements EmailConnectorProvider {
    /** The public API base URL, used when {@code endpoint} is absent. */
    static final String DEFAULT_ENDPOINT = "https://api.postmarkapp.com";

    private static final ConnectorResources RESOURCES =
            ConnectorResources.of(PostmarkProvider.class::getResourceAsStream);
    private static final JsonNode SCHEMA = RESOURCES.json("schema.json");
    private static final ConnectorMetadata METADATA = new ConnectorMetadata(
            "postmark",
            List.of("postmark-mail"),
            "postmark-mail",
            Map.of(
                    "en", "Postmark",
                    "es", "Postmark",
                    "fr", "Postmark",
                    "de", "Postmark",
                    "zh-CN", "Postmark 邮件"),
            Map.of(
                    "en", "Sends email through Postmark, with Postmark templates or your own.",
                    "es", "Envía correos electrónicos a través de Postmark, con plantillas de Postmark o propias.",
                    "fr", "Envoie les e-mails via Postmark, avec des modèles Postmark ou les vôtres.",
                    "de", "Versendet E-Mails über Postmark, mit Postmark-Vorlagen oder eigenen Vorlagen.",
                    "zh-CN", "通过 Postmark 发送电子邮件，可使用 Postmark 模板或您自己的模板。"),
            RESOURCES.svgDataUrl("logo.svg"),
            RESOURCES.text("readme.md"));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public PostmarkProvider() {}

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
                && Mailboxes.parse(from.asText()).isEmpty()) {
            problems.add(new ConfigViolation("/fromEmail", "must be an email address, optionally as 'Name <address>'"));
        }
        int i = 0;
        for (JsonNode t : config.path("templates")) {
            String path = "/templates/" + i++;
            if (!t.isObject()) {
                continue;
            }
            boolean alias = t.has("templateAlias");
            if (alias && (t.has("subject") || t.has("content") || t.has("contentType"))) {
                problems.add(new ConfigViolation(
                        path, "has a templateAlias, so Postmark renders it; remove subject, content and contentType"));
            }
            if (!alias && (!t.has("subject") || !t.has("content"))) {
                problems.add(new ConfigViolation(path, "needs a templateAlias, or a subject and a content"));
            }
        }
        return problems;
    }

    /** The entries rendered by the connector; {@code templateAlias} entries are rendered by Postmark. */
    @Override
    public TemplateSource templates(JsonNode config) {
        return storedTemplates(config).rendered();
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        Mailbox from = Mailboxes.parse(config.path("fromEmail").asText())
                .orElseThrow(() -> new EmailConnectorException(
                        ErrorCode.INVALID_CONFIG,
                        "fromEmail must be an email address, optionally as 'Name <address>'"));
        HttpTransport http = HttpTransport.builder(METADATA.id(), HttpOptions.from(config, DEFAULT_ENDPOINT), context)
                .secretHeaders("X-Postmark-Server-Token")
                .errorParser(PostmarkErrors.parser(config.path("serverToken").asText()))
                .build();
        return new PostmarkSender(
                http,
                config.path("serverToken").asText(),
                from,
                config.path("messageStream").asText("outbound"),
                storedTemplates(config));
    }

    /** Logto's templates array: rendered entries, or entries that name a template stored at the provider. */
    private static StoredTemplates storedTemplates(JsonNode config) {
        return StoredTemplates.from(config.path("templates"), "templateAlias");
    }
}
