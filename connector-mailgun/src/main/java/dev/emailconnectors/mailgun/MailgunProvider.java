package dev.emailconnectors.mailgun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.okhttp.HttpOptions;
import dev.emailconnectors.okhttp.HttpTransport;
import dev.emailconnectors.okhttp.Mailboxes;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.ConnectorResources;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.TemplateSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.Credentials;

/**
 * The Mailgun connector (id {@code mailgun}, alias {@code mailgun-email}, Logto's id): sends each message with
 * {@code POST /v3/<domain>/messages} as {@code multipart/form-data}, authenticated with HTTP Basic {@code api:<key>}.
 *
 * <p>Its configuration has the fields of Logto's Mailgun connector ({@code endpoint}, {@code domain},
 * {@code apiKey}, {@code from}, {@code deliveries} keyed by template type), so a stored Logto configuration works
 * unchanged, plus {@code timeout} and {@code retry}. A delivery is raw ({@code subject}, {@code html}, {@code text},
 * {@code replyTo}, rendered here) or a Mailgun template ({@code template}, {@code variables}, {@code subject},
 * {@code replyTo}); a type without a delivery uses {@code Generic}, and the host's per-language templates win over
 * both. Unlike Logto's connector it renders the reply-to, path-encodes the domain, and sends template variables in
 * {@code t:variables} instead of a header of the delivered message, within Mailgun's 16 kB limit on send options.
 * The result carries Mailgun's message id.
 *
 * <p>Created by {@link java.util.ServiceLoader}; applications use it through
 * {@link dev.emailconnectors.ConnectorCatalog}.
 */
public final class MailgunProvider implements EmailConnectorProvider {
    /** The US API base URL, used when {@code endpoint} is absent. */
    static final String DEFAULT_ENDPOINT = "https://api.mailgun.net";

    private static final Pattern DOMAIN = Pattern.compile("[^\\s/:?#@]+");
    private static final List<String> TEMPLATE_FIELDS = List.of("subject", "html", "text", "replyTo");
    private static final ConnectorResources RESOURCES =
            ConnectorResources.of(MailgunProvider.class::getResourceAsStream);
    private static final JsonNode SCHEMA = RESOURCES.json("schema.json");
    private static final ConnectorMetadata METADATA = new ConnectorMetadata(
            "mailgun",
            List.of("mailgun-email"),
            "mailgun-email",
            Map.of(
                    "en", "Mailgun",
                    "es", "Mailgun",
                    "fr", "Mailgun",
                    "de", "Mailgun",
                    "zh-CN", "Mailgun 邮件"),
            Map.of(
                    "en",
                            "Sends email through the Mailgun messages API (US or EU region), with your templates or"
                                    + " Mailgun's.",
                    "es",
                            "Envía correos electrónicos con la API de mensajes de Mailgun (región de EE. UU. o de la UE),"
                                    + " con sus plantillas o las de Mailgun.",
                    "fr",
                            "Envoie les e-mails via l'API de messages de Mailgun (région US ou UE), avec vos modèles ou"
                                    + " ceux de Mailgun.",
                    "de",
                            "Versendet E-Mails über die Mailgun-Messages-API (Region USA oder EU), mit Ihren Vorlagen"
                                    + " oder denen von Mailgun.",
                    "zh-CN", "通过 Mailgun 消息 API（美国或欧盟区域）发送电子邮件，可使用您自己的模板或 Mailgun 模板。"),
            RESOURCES.svgDataUrl("logo.svg"),
            RESOURCES.text("readme.md"));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public MailgunProvider() {}

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
        JsonNode domain = config.path("domain");
        if (domain.isTextual()
                && !domain.asText().isEmpty()
                && !DOMAIN.matcher(domain.asText()).matches()) {
            problems.add(new ConfigViolation("/domain", "must be the sending domain alone, such as mg.example.com"));
        }
        JsonNode from = config.path("from");
        if (from.isTextual()
                && !from.asText().isBlank()
                && Mailboxes.parse(from.asText()).isEmpty()) {
            problems.add(new ConfigViolation("/from", "must be an email address, optionally as 'Name <address>'"));
        }
        config.path("deliveries").properties().forEach(e -> {
            if (e.getValue().isObject()) {
                problems.addAll(checkDelivery(e.getValue(), "/deliveries/" + e.getKey()));
            }
        });
        return problems;
    }

    private static List<ConfigViolation> checkDelivery(JsonNode d, String path) {
        List<ConfigViolation> problems = new ArrayList<>();
        boolean template = d.has("template");
        if (template && (d.has("html") || d.has("text"))) {
            problems.add(new ConfigViolation(path, "has a template, so Mailgun renders it; remove html and text"));
        }
        if (!template && !d.has("html") && !d.has("text")) {
            problems.add(new ConfigViolation(path, "needs html or text, or a template"));
        }
        if (!template && d.has("variables")) {
            problems.add(new ConfigViolation(path + "/variables", "is used only with a template"));
        }
        for (String field : TEMPLATE_FIELDS) {
            if (d.path(field).isTextual()) {
                ObjectNode probe = JsonNodeFactory.instance.objectNode();
                probe.putArray("t").addObject().put("subject", d.get(field).asText());
                ConfigSupport.checkTemplateSyntax(probe, "t")
                        .forEach(v -> problems.add(new ConfigViolation(path + "/" + field, v.message())));
            }
        }
        return problems;
    }

    /** The raw deliveries; Mailgun-template deliveries are rendered by Mailgun. */
    @Override
    public TemplateSource templates(JsonNode config) {
        return Deliveries.from(config.path("deliveries")).rendered();
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        Mailbox from = Mailboxes.parse(config.path("from").asText())
                .orElseThrow(() -> new EmailConnectorException(
                        ErrorCode.INVALID_CONFIG, "from must be an email address, optionally as 'Name <address>'"));
        String apiKey = config.path("apiKey").asText();
        String basic = Credentials.basic("api", apiKey);
        HttpTransport http = HttpTransport.builder(METADATA.id(), HttpOptions.from(config, DEFAULT_ENDPOINT), context)
                .errorParser(MailgunErrors.parser(apiKey, basic.substring("Basic ".length())))
                .build();
        return new MailgunSender(
                http,
                config.path("domain").asText(),
                basic,
                from,
                Deliveries.from(config.path("deliveries")),
                context.clock());
    }
}
