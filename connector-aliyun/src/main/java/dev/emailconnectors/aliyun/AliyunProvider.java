package dev.emailconnectors.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.okhttp.HttpOptions;
import dev.emailconnectors.okhttp.HttpTransport;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Aliyun DirectMail connector (id {@code aliyun}, alias {@code aliyun-direct-mail}): sends each message with
 * DirectMail's {@code SingleSendMail} API, signed with Alibaba Cloud's RPC signature v1 (HMAC-SHA1).
 *
 * <p>Its configuration has the fields of Logto's Aliyun Direct Mail connector ({@code accessKeyId},
 * {@code accessKeySecret}, {@code accountName}, {@code fromAlias}, {@code regionId}, {@code templates}), so a stored
 * Logto configuration works unchanged, plus {@code replyToAddress}, {@code tagName} and the options every HTTP
 * connector has ({@code endpoint}, {@code timeout}, {@code retry}). {@code text/plain} templates are sent as
 * {@code TextBody}, HTML ones as {@code HtmlBody}.
 *
 * <p>Created by {@link java.util.ServiceLoader}; applications use it through
 * {@link dev.emailconnectors.ConnectorCatalog}.
 */
public final class AliyunProvider implements EmailConnectorProvider {
    private static final JsonNode SCHEMA = ConfigSupport.loadSchema(AliyunProvider.class, "schema.json");
    private static final ConnectorMetadata METADATA = new ConnectorMetadata(
            "aliyun",
            List.of("aliyun-direct-mail"),
            "aliyun-dm",
            Map.of(
                    "en", "Aliyun Direct Mail",
                    "es", "Aliyun Direct Mail",
                    "fr", "Aliyun Direct Mail",
                    "de", "Aliyun Direct Mail",
                    "zh-CN", "阿里云邮件推送"),
            Map.of(
                    "en", "Sends email through Alibaba Cloud DirectMail (SingleSendMail).",
                    "es", "Envía correos electrónicos a través de Alibaba Cloud DirectMail (SingleSendMail).",
                    "fr", "Envoie les e-mails via Alibaba Cloud DirectMail (SingleSendMail).",
                    "de", "Versendet E-Mails über Alibaba Cloud DirectMail (SingleSendMail).",
                    "zh-CN", "通过阿里云邮件推送（SingleSendMail）发送电子邮件。"),
            "data:image/svg+xml;base64,"
                    + "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCA2NCA2NCI+PHJlY3Qgd2lk"
                    + "dGg9IjY0IiBoZWlnaHQ9IjY0IiByeD0iMTIiIGZpbGw9IiNmZjZhMDAiLz48cGF0aCBkPSJNMTIgMjBoNDB2MjRIMTJ6"
                    + "IiBmaWxsPSJub25lIiBzdHJva2U9IiNmZmYiIHN0cm9rZS13aWR0aD0iNCIvPjxwYXRoIGQ9Ik0xMiAyMGwyMCAxNiAy"
                    + "MC0xNiIgZmlsbD0ibm9uZSIgc3Ryb2tlPSIjZmZmIiBzdHJva2Utd2lkdGg9IjQiLz48L3N2Zz4=",
            ConfigSupport.loadText(AliyunProvider.class, "readme.md"));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public AliyunProvider() {}

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
        AliyunConfig.text(config, "accountName").ifPresent(account -> {
            try {
                if (EmailAddress.parse(account).requiresSmtpUtf8()) {
                    problems.add(new ConfigViolation("/accountName", "must have an ASCII local part"));
                }
            } catch (EmailConnectorException e) {
                problems.add(new ConfigViolation(
                        "/accountName",
                        "must be the sender address configured in DirectMail, such as" + " noreply@mail.example.com"));
            }
        });
        return problems;
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        AliyunConfig aliyun = AliyunConfig.from(config);
        HttpOptions options = HttpOptions.from(config, aliyun.region().endpoint());
        HttpTransport http = HttpTransport.builder("aliyun", options, context)
                .errorParser(AliyunErrors::parse)
                .build();
        return new AliyunSender(http, new SingleSendMail(aliyun, context.clock()));
    }
}
