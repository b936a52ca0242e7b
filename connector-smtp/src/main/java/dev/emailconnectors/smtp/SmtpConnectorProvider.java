package dev.emailconnectors.smtp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP connector (id {@code smtp}, alias {@code simple-mail-transfer-protocol}, Logto's SMTP connector id): sends
 * through any SMTP server with Jakarta Mail (Eclipse Angus). It reuses a bounded pool of authenticated connections,
 * requires TLS (STARTTLS or implicit) unless the configuration explicitly turns it off, checks the server's identity,
 * applies connect, greeting and socket timeouts of a few seconds, and reports each SMTP failure with the precise
 * error code, the reply code and the enhanced status code. Configuration fields are those of Logto's SMTP connector;
 * see the {@code readme} in {@link #metadata()} for every field. Discovered through {@link java.util.ServiceLoader}.
 */
public final class SmtpConnectorProvider implements EmailConnectorProvider {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpConnectorProvider.class);
    private static final JsonNode SCHEMA = ConfigSupport.loadSchema(SmtpConnectorProvider.class, "schema.json");
    private static final String LOGO = "data:image/svg+xml;base64,"
            + "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyNCAyNCI+PHJlY3QgeD0iMiIgeT0iNCIg"
            + "d2lkdGg9IjIwIiBoZWlnaHQ9IjE2IiByeD0iMiIgZmlsbD0iIzRBNTU2OCIvPjxwYXRoIGQ9Ik0zIDZsOSA3IDktNyIgZmlsbD0ibm9u"
            + "ZSIgc3Ryb2tlPSIjZmZmIiBzdHJva2Utd2lkdGg9IjEuNiIvPjwvc3ZnPg==";
    private static final ConnectorMetadata METADATA = new ConnectorMetadata(
            "smtp",
            List.of("simple-mail-transfer-protocol"),
            "smtp",
            Map.of("en", "SMTP", "es", "SMTP", "fr", "SMTP", "de", "SMTP", "zh-CN", "SMTP"),
            Map.of(
                    "en", "Sends email through any SMTP server, such as Gmail, Microsoft 365 or your own relay.",
                    "es",
                            "Envía correo a través de cualquier servidor SMTP, como Gmail, Microsoft 365 o su propio relé.",
                    "fr", "Envoie les e-mails par n'importe quel serveur SMTP : Gmail, Microsoft 365 ou votre relais.",
                    "de",
                            "Versendet E-Mails über einen beliebigen SMTP-Server wie Gmail, Microsoft 365 oder Ihr Relay.",
                    "zh-CN", "通过任意 SMTP 服务器（如 Gmail、Microsoft 365 或自建中继）发送邮件。"),
            LOGO,
            readme());

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public SmtpConnectorProvider() {}

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
        return SmtpConfigRules.check(config);
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        SmtpSettings settings = SmtpSettings.from(config);
        for (String ignored : List.of("ciphers", "secureProtocol")) {
            if (config.path("tls").has(ignored)) {
                LOG.warn(
                        "SMTP connector for {}: tls.{} is ignored; the JDK's TLS defaults apply",
                        settings.endpoint(),
                        ignored);
            }
        }
        ProtocolLog log = new ProtocolLog(settings.endpoint(), settings.logEvents(), settings.logCommands());
        ScheduledThreadPoolExecutor timers = timers();
        OAuth2Tokens tokens = settings.auth() instanceof AuthSettings.OAuth2
                ? new OAuth2Tokens(
                        (AuthSettings.OAuth2) settings.auth(),
                        new TokenEndpoint(context.networkPolicy(), settings.timeouts()),
                        context.clock(),
                        log)
                : null;
        Credentials credentials = new Credentials(settings.auth(), tokens);
        ConnectionFactory connections =
                new ConnectionFactory(settings, context.networkPolicy(), credentials, log, timers);
        ConnectionPool pool = new ConnectionPool(connections, settings.pool(), log, timers);
        MessageFactory messages = new MessageFactory(settings, connections::session, context.clock());
        return new SmtpSender(settings, messages, connections, pool, log, timers);
    }

    /**
     * One timer thread per connector, for write timeouts and closing idle connections; it exists only while there is
     * something to time, so an idle connector holds no thread.
     */
    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "email-connectors-smtp-timer");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timers.setKeepAliveTime(10, TimeUnit.SECONDS);
        timers.allowCoreThreadTimeOut(true);
        return timers;
    }

    private static String readme() {
        try (InputStream in = SmtpConnectorProvider.class.getResourceAsStream("README.md")) {
            if (in == null) {
                return "Sends through any SMTP server. Fields: host, port, auth, fromEmail, replyTo, templates, secure,"
                        + " requireTLS, ignoreTLS, tls, timeouts, pool, customHeaders, logger, debug.";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
