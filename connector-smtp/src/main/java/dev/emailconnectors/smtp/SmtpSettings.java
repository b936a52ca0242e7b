package dev.emailconnectors.smtp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.Mailbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated SMTP configuration, read once when the connector is created.
 *
 * @param host the server host
 * @param port the server port
 * @param tlsMode how TLS is used
 * @param tls certificate, name and version options
 * @param auth how to authenticate
 * @param from the configured sender
 * @param replyTo the configured Reply-To (one or more addresses), if any
 * @param headers the custom headers, in order
 * @param ehloName the EHLO name, if configured
 * @param localAddress the local address to bind, if configured
 * @param timeouts the connect, greeting and socket timeouts
 * @param pool the pool limits
 * @param logEvents log connection events at INFO ({@code logger} or {@code debug})
 * @param logCommands log each command and reply at INFO ({@code debug})
 */
record SmtpSettings(
        String host,
        int port,
        TlsMode tlsMode,
        TlsOptions tls,
        AuthSettings auth,
        Mailbox from,
        Optional<String> replyTo,
        List<Header> headers,
        Optional<String> ehloName,
        Optional<String> localAddress,
        Timeouts timeouts,
        PoolSettings pool,
        boolean logEvents,
        boolean logCommands) {

    /** How TLS is used on a connection. */
    enum TlsMode {
        /** TLS from the first byte ({@code secure}, port 465). */
        IMPLICIT,
        /** STARTTLS, and fail before anything is sent when the server does not offer it (the default). */
        STARTTLS_REQUIRED,
        /** STARTTLS when offered, else clear text ({@code requireTLS: false}). */
        STARTTLS_WHEN_OFFERED,
        /** Never TLS ({@code ignoreTLS: true}). */
        NONE
    }

    /**
     * One custom header line.
     *
     * @param name the field name
     * @param value the field value (no CR or LF)
     */
    record Header(String name, String value) {}

    /**
     * The three timeouts.
     *
     * @param connect TCP connect, per address
     * @param greeting each answer while the connection is set up
     * @param socket each read or write on an established connection
     */
    record Timeouts(Duration connect, Duration greeting, Duration socket) {
        static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);
        static final Duration DEFAULT_GREETING = Duration.ofSeconds(10);
        static final Duration DEFAULT_SOCKET = Duration.ofSeconds(20);

        static Timeouts from(JsonNode config) {
            return new Timeouts(
                    millis(config, "connectionTimeout", DEFAULT_CONNECT),
                    millis(config, "greetingTimeout", DEFAULT_GREETING),
                    millis(config, "socketTimeout", DEFAULT_SOCKET));
        }
    }

    /**
     * Reads a configuration that passed validation.
     *
     * @param config the configuration
     * @return the settings
     */
    static SmtpSettings from(JsonNode config) {
        int port = config.path("port").asInt();
        boolean secure = config.path("secure").isBoolean()
                ? config.path("secure").asBoolean()
                : port == 465; // clear text on 465 can only hang until the greeting timeout
        boolean debug = config.path("debug").asBoolean(false);
        return new SmtpSettings(
                config.path("host").asText().trim(),
                port,
                tlsMode(config, secure),
                TlsOptions.from(config),
                AuthSettings.from(config.path("auth")),
                Addresses.mailbox(config.path("fromEmail").asText()),
                text(config, "replyTo"),
                headers(config.path("customHeaders")),
                text(config, "name"),
                text(config, "localAddress"),
                Timeouts.from(config),
                PoolSettings.from(config.path("pool")),
                debug || config.path("logger").asBoolean(false),
                debug);
    }

    private static TlsMode tlsMode(JsonNode config, boolean secure) {
        if (secure) {
            return TlsMode.IMPLICIT;
        }
        JsonNode require = config.path("requireTLS");
        if (require.isBoolean() && require.asBoolean()) {
            return TlsMode.STARTTLS_REQUIRED; // an explicit requirement wins over ignoreTLS
        }
        if (config.path("ignoreTLS").asBoolean(false)) {
            return TlsMode.NONE;
        }
        return require.isBoolean() ? TlsMode.STARTTLS_WHEN_OFFERED : TlsMode.STARTTLS_REQUIRED;
    }

    private static List<Header> headers(JsonNode node) {
        List<Header> out = new ArrayList<>();
        node.properties().forEach(e -> {
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> out.add(new Header(e.getKey(), v.asText())));
            } else {
                out.add(new Header(e.getKey(), e.getValue().asText()));
            }
        });
        return List.copyOf(out);
    }

    static Optional<String> text(JsonNode config, String field) {
        JsonNode v = config.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText().trim()) : Optional.empty();
    }

    static Duration millis(JsonNode config, String field, Duration fallback) {
        JsonNode v = config.path(field);
        long ms = v.isNumber() ? Math.round(v.asDouble()) : 0;
        return ms > 0 ? Duration.ofMillis(ms) : fallback;
    }

    /** @return the host and port, for messages */
    String endpoint() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "SmtpSettings{" + endpoint() + ", tls=" + tlsMode + ", auth=" + auth + ", pool=" + pool + "}";
    }
}
