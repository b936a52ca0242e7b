package dev.emailconnectors.ses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The AWS SES connector (id {@code ses}, alias {@code aws-ses-mail}): sends each message with the SES v2
 * {@code SendEmail} API through the AWS SDK for Java 2, one SDK client per connector.
 *
 * <p>Its configuration has the fields of Logto's AWS SES connector ({@code accessKeyId}, {@code accessKeySecret},
 * {@code region}, {@code emailAddress}, the identity ARNs, {@code configurationSetName}, {@code templates}), so a
 * stored Logto configuration works unchanged, plus {@code endpoint}, {@code timeout} and {@code retry.maxAttempts}. Without
 * {@code accessKeyId} the SDK's default credentials chain is used (environment, profile, container or instance role).
 * Templates may be {@code text/html} (sent with a derived text part) or {@code text/plain}, and their {@code replyTo}
 * and {@code sendFrom} are honoured.
 *
 * <p>Created by {@link java.util.ServiceLoader}; applications use it through
 * {@link dev.emailconnectors.ConnectorCatalog}.
 */
public final class SesProvider implements EmailConnectorProvider {
    private static final JsonNode SCHEMA = ConfigSupport.loadSchema(SesProvider.class, "schema.json");
    private static final ConnectorMetadata METADATA = new ConnectorMetadata(
            "ses",
            List.of("aws-ses-mail"),
            "aws-ses",
            Map.of(
                    "en", "AWS SES",
                    "es", "AWS SES",
                    "fr", "AWS SES",
                    "de", "AWS SES",
                    "zh-CN", "AWS 邮件推送 (SES)"),
            Map.of(
                    "en", "Sends email through Amazon Simple Email Service (SES) v2.",
                    "es", "Envía correos electrónicos a través de Amazon Simple Email Service (SES) v2.",
                    "fr", "Envoie les e-mails via Amazon Simple Email Service (SES) v2.",
                    "de", "Versendet E-Mails über Amazon Simple Email Service (SES) v2.",
                    "zh-CN", "通过 Amazon Simple Email Service (SES) v2 发送电子邮件。"),
            "data:image/svg+xml;base64,"
                    + "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCA2NCA2NCI+PHJlY3Qgd2lk"
                    + "dGg9IjY0IiBoZWlnaHQ9IjY0IiByeD0iMTIiIGZpbGw9IiMyMzJmM2UiLz48cGF0aCBkPSJNMTIgMjBoNDB2MjRIMTJ6"
                    + "IiBmaWxsPSJub25lIiBzdHJva2U9IiNmZjk5MDAiIHN0cm9rZS13aWR0aD0iNCIvPjxwYXRoIGQ9Ik0xMiAyMGwyMCAx"
                    + "NiAyMC0xNiIgZmlsbD0ibm9uZSIgc3Ryb2tlPSIjZmY5OTAwIiBzdHJva2Utd2lkdGg9IjQiLz48L3N2Zz4=",
            ConfigSupport.loadText(SesProvider.class, "readme.md"));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public SesProvider() {}

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
        List<ConfigViolation> problems = new ArrayList<>(ConfigSupport.requireTemplateTypes(
                config,
                "templates",
                TemplateType.REGISTER,
                TemplateType.SIGN_IN,
                TemplateType.FORGOT_PASSWORD,
                TemplateType.GENERIC));
        problems.addAll(ConfigSupport.checkTemplateSyntax(config, "templates"));
        boolean hasId = SesConfig.text(config, "accessKeyId").isPresent();
        boolean hasSecret = SesConfig.text(config, "accessKeySecret").isPresent();
        if (hasId && !hasSecret) {
            problems.add(new ConfigViolation("/accessKeySecret", "is required when accessKeyId is set"));
        }
        if (hasSecret && !hasId) {
            problems.add(new ConfigViolation("/accessKeyId", "is required when accessKeySecret is set"));
        }
        checkAddress(config, "emailAddress", problems);
        checkAddress(config, "feedbackForwardingEmailAddress", problems);
        SesConfig.text(config, "endpoint")
                .flatMap(Endpoints::problem)
                .ifPresent(p -> problems.add(new ConfigViolation("/endpoint", p)));
        return problems;
    }

    private static void checkAddress(JsonNode config, String field, List<ConfigViolation> problems) {
        SesConfig.text(config, field).ifPresent(value -> {
            try {
                if (EmailAddress.parse(value).requiresSmtpUtf8()) {
                    problems.add(new ConfigViolation(
                            "/" + field, "must have an ASCII local part; SES does not support SMTPUTF8"));
                }
            } catch (EmailConnectorException e) {
                problems.add(new ConfigViolation("/" + field, "must be an email address such as noreply@example.com"));
            }
        });
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        return new SesSender(SesConfig.from(config), context.networkPolicy());
    }
}
