package dev.emailconnectors.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.TemplateSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in email service (id {@code builtin}, alias {@code logto-email}): prebuilt templates for every message
 * type in English, Spanish, French, German, Brazilian Portuguese, Simplified Chinese and Japanese, branded with the
 * tenant's sender name, company information, logo and color, and delivered the way the operator chooses.
 *
 * <p>The tenant's configuration holds only branding. Delivery is the operator's: pass JSON as
 * {@code ConnectorContext.builder().operatorSettings("builtin", settings)}, or set the
 * {@value #DELIVERY_PROPERTY} system property or the {@value #DELIVERY_ENV} environment variable to the same JSON:
 *
 * <pre>{@code
 * {"connector": "smtp", "config": {...}, "fromEmail": "no-reply@example.com",
 *  "usageLimit": {"messages": 100, "period": "PT24H"}}
 * {"outbox": "/var/spool/email-outbox"}
 * }</pre>
 *
 * <p>With nothing set, every message becomes an {@code .eml} file in the outbox directory ({@value #OUTBOX_PROPERTY}
 * or {@value #OUTBOX_ENV}, else {@code ./outbox}), and the {@link dev.emailconnectors.SendResult} carries its path as
 * the {@code outboxFile} detail. The optional usage limit counts accepted messages per
 * {@link ConnectorContext#tenantId() tenant} in a sliding window, for the life of the JVM; beyond it a send fails with
 * {@link dev.emailconnectors.ErrorCode#USAGE_LIMIT_EXCEEDED} and a retry-after.
 */
public final class BuiltinProvider implements EmailConnectorProvider {
    /** The connector id. */
    public static final String ID = "builtin";
    /** The Logto factory id this connector also answers to. */
    public static final String ALIAS = "logto-email";
    /** The system property holding the delivery settings as JSON. */
    public static final String DELIVERY_PROPERTY = "emailconnectors.builtin.delivery";
    /** The environment variable holding the delivery settings as JSON. */
    public static final String DELIVERY_ENV = "EMAIL_CONNECTORS_BUILTIN_DELIVERY";
    /** The system property naming the default outbox directory. */
    public static final String OUTBOX_PROPERTY = "emailconnectors.outbox";
    /** The environment variable naming the default outbox directory. */
    public static final String OUTBOX_ENV = "EMAIL_CONNECTORS_OUTBOX";
    /** The sender address of outbox messages when the operator sets none. */
    public static final String DEFAULT_OUTBOX_FROM = "no-reply@localhost";

    private static final JsonNode SCHEMA = ConfigSupport.loadSchema(BuiltinProvider.class, "schema.json");
    private static final ConnectorMetadata METADATA = new ConnectorMetadata(
            ID,
            List.of(ALIAS),
            ID,
            Map.of(
                    "en", "Built-in email service",
                    "es", "Servicio de correo integrado",
                    "fr", "Service d'e-mail intégré",
                    "de", "Integrierter E-Mail-Dienst",
                    "pt-BR", "Serviço de e-mail integrado",
                    "zh-CN", "内置邮件服务",
                    "ja", "組み込みメールサービス"),
            Map.of(
                    "en",
                            "Professional, localized emails with your logo and sender name, without an email provider"
                                    + " account; the server's operator decides how they are delivered.",
                    "es",
                            "Correos profesionales y localizados con tu logotipo y nombre de remitente, sin cuenta en un"
                                    + " proveedor de correo; el operador del servidor decide cómo se entregan.",
                    "fr",
                            "Des e-mails professionnels et localisés avec votre logo et votre nom d'expéditeur, sans"
                                    + " compte chez un fournisseur ; l'opérateur du serveur choisit comment ils sont remis.",
                    "de",
                            "Professionelle, lokalisierte E-Mails mit Ihrem Logo und Absendernamen, ohne Konto bei einem"
                                    + " E-Mail-Anbieter; der Betreiber des Servers legt die Zustellung fest.",
                    "pt-BR",
                            "E-mails profissionais e localizados com seu logotipo e nome de remetente, sem conta em um"
                                    + " provedor de e-mail; o operador do servidor decide como são entregues.",
                    "zh-CN", "带有你的徽标和发件人名称的专业多语言邮件，无需邮件服务商账户；由服务器运营方决定投递方式。",
                    "ja", "ロゴと送信者名入りの多言語対応メールを、メール配信サービスのアカウントなしで送信します。配信方法はサーバーの運用者が決めます。"),
            "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCA2NCA2NCI+PHJlY3Qgd2lkdGg9IjY0IiBoZWlnaHQ9IjY0IiByeD0iMTQiIGZpbGw9IiM0RjQ2RTUiLz48cGF0aCBkPSJNMTQgMjBoMzZhMiAyIDAgMCAxIDIgMnYyMGEyIDIgMCAwIDEtMiAySDE0YTIgMiAwIDAgMS0yLTJWMjJhMiAyIDAgMCAxIDItMnoiIGZpbGw9IiNmZmYiLz48cGF0aCBkPSJNMTMgMjJsMTkgMTMgMTktMTMiIGZpbGw9Im5vbmUiIHN0cm9rZT0iIzRGNDZFNSIgc3Ryb2tlLXdpZHRoPSIzIiBzdHJva2UtbGluZWpvaW49InJvdW5kIi8+PC9zdmc+Cg==",
            """
            The built-in email service sends professional, localized messages for every message type with the \
            tenant's branding. Set `senderName` and `companyInformation` (no URLs or domain names), `appLogo` (an \
            https: or data: URL) and optionally `primaryColor` (#RRGGBB). The sender address, the domain and the \
            wording are fixed. The server's operator chooses delivery: another connector, or an outbox directory of \
            .eml files (the default).""");

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public BuiltinProvider() {}

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
        List<ConfigViolation> problems = new ArrayList<>();
        if (UrlDetector.containsUrl(config.path("senderName").asText(""))) {
            problems.add(new ConfigViolation("/senderName", "URL is not allowed in sender name."));
        }
        if (UrlDetector.containsUrl(config.path("companyInformation").asText(""))) {
            problems.add(new ConfigViolation("/companyInformation", "URL is not allowed in company information."));
        }
        return problems;
    }

    @Override
    public TemplateSource templates(JsonNode config) {
        return new BrandedTemplates(Branding.from(config), Optional.empty());
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        Branding branding = Branding.from(config);
        DeliverySettings delivery = DeliverySettings.resolve(context, System::getProperty, System::getenv);
        EmailSender sender = delivery.delegates()
                ? DelegatingSender.create(delivery, branding, context)
                : new OutboxSender(
                        delivery.outbox(),
                        Mailbox.of(delivery.fromEmail().orElse(DEFAULT_OUTBOX_FROM)),
                        context.clock());
        return delivery.usageLimit()
                .<EmailSender>map(limit -> new LimitedSender(sender, context.tenantId(), limit, context.clock()))
                .orElse(sender);
    }
}
