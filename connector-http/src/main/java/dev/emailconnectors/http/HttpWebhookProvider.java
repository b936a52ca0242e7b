package dev.emailconnectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.okhttp.HttpOptions;
import dev.emailconnectors.okhttp.HttpTransport;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.TemplateSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * The HTTP webhook connector, id {@code http} (alias {@code http-email}, Logto's id): posts every message to the
 * configured {@code endpoint} as Logto's HTTP email connector does ({@code {"to","type","payload","ip"}}), adding a
 * Standard Webhooks signature, a timeout and safe retries. It forwards the payload as is and renders no templates;
 * the receiver decides what to send.
 */
public final class HttpWebhookProvider implements EmailConnectorProvider {
    private static final JsonNode SCHEMA = ConfigSupport.loadSchema(HttpWebhookProvider.class, "schema.json");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x20-\\x7e\\t]*");
    private static final Set<String> RESERVED = Set.of(
            "authorization",
            "content-type",
            "content-length",
            "content-encoding",
            "transfer-encoding",
            "connection",
            "host",
            "webhook-id",
            "webhook-timestamp",
            "webhook-signature");
    private static final ConnectorMetadata METADATA = new ConnectorMetadata(
            "http",
            List.of("http-email"),
            "http-email",
            Map.of(
                    "en", "HTTP webhook",
                    "es", "Webhook HTTP",
                    "fr", "Webhook HTTP",
                    "de", "HTTP-Webhook",
                    "zh-CN", "HTTP Webhook"),
            Map.of(
                    "en", "Posts each message as signed JSON to an endpoint of yours, which sends the email.",
                    "es",
                            "Envía cada mensaje como JSON firmado a un endpoint propio, que se encarga de enviar el correo.",
                    "fr",
                            "Envoie chaque message en JSON signé à votre propre point de terminaison, qui envoie l'e-mail.",
                    "de",
                            "Sendet jede Nachricht als signiertes JSON an einen eigenen Endpunkt, der die E-Mail verschickt.",
                    "zh-CN", "将每条消息以签名的 JSON 发送到您自己的端点，由该端点发送邮件。"),
            "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyNCAy"
                    + "NCI+PHJlY3Qgd2lkdGg9IjI0IiBoZWlnaHQ9IjI0IiByeD0iNCIgZmlsbD0iIzJhNmY5NyIvPjxwYXRoIGQ9Ik02IDhoMTJ2"
                    + "OEg2eiIgZmlsbD0ibm9uZSIgc3Ryb2tlPSIjZmZmIiBzdHJva2Utd2lkdGg9IjEuNSIvPjxwYXRoIGQ9Ik02IDhsNiA1IDYt"
                    + "NSIgZmlsbD0ibm9uZSIgc3Ryb2tlPSIjZmZmIiBzdHJva2Utd2lkdGg9IjEuNSIvPjwvc3ZnPg==",
            """
            Posts every message to `endpoint` as JSON: `{"to": "...", "type": "SignIn", "payload": {...}, "ip": "..."}`, \
            the request of Logto's HTTP email connector (`ip` only when the host gives the client IP). Your endpoint \
            sends the email and answers 2xx.

            - `authorization`: optional `Authorization` header value, for example `Bearer <token>`.
            - `headers`: optional extra static headers.
            - `signingSecrets`: Standard Webhooks secrets (`whsec_...`). Every request then carries `webhook-id`, \
            `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per \
            secret, the first being current). Verify them on the JVM with `WebhookVerifier`.
            - `timeout`: the longest a send may take, in milliseconds (default 10000).
            - `retry`: `maxAttempts` (default 3) and backoff; every attempt of a message has the same `webhook-id`, \
            so drop duplicates by it.
            """);

    /** Creates the provider; ServiceLoader calls this. */
    public HttpWebhookProvider() {}

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
        JsonNode authorization = config.path("authorization");
        if (authorization.isTextual()
                && !VISIBLE_ASCII.matcher(authorization.asText()).matches()) {
            problems.add(new ConfigViolation("/authorization", "must be printable ASCII on one line"));
        }
        config.path("headers").properties().forEach(e -> {
            String path = "/headers/" + e.getKey().replace("~", "~0").replace("/", "~1");
            if (!TOKEN.matcher(e.getKey()).matches()) {
                problems.add(new ConfigViolation(path, "is not a valid header name"));
            } else if (RESERVED.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                problems.add(new ConfigViolation(
                        path, "is set by the connector; use 'authorization' for the Authorization header"));
            }
            if (e.getValue().isTextual()
                    && !VISIBLE_ASCII.matcher(e.getValue().asText()).matches()) {
                problems.add(new ConfigViolation(path, "must be printable ASCII on one line"));
            }
        });
        int i = 0;
        for (JsonNode secret : config.path("signingSecrets")) {
            if (secret.isTextual() && secret.asText().startsWith(WebhookSecret.PREFIX)) {
                String problem = WebhookSecret.problem(secret.asText());
                if (problem != null) {
                    problems.add(new ConfigViolation("/signingSecrets/" + i, problem));
                }
            }
            i++;
        }
        return problems;
    }

    /** The webhook forwards the payload; it has no templates of its own. */
    @Override
    public TemplateSource templates(JsonNode config) {
        return TemplateSource.none();
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        HttpOptions options = HttpOptions.from(config, null);
        Headers.Builder headers = new Headers.Builder();
        JsonNode authorization = config.path("authorization");
        if (authorization.isTextual()) {
            headers.add("Authorization", authorization.asText());
        }
        List<String> names = new ArrayList<>();
        config.path("headers").properties().forEach(e -> {
            headers.add(e.getKey(), e.getValue().asText());
            names.add(e.getKey());
        });
        List<String> secrets = new ArrayList<>();
        config.path("signingSecrets").forEach(s -> secrets.add(s.asText()));
        HttpTransport transport = HttpTransport.builder(METADATA.id(), options, context)
                .secretHeaders(names.toArray(String[]::new))
                .build();
        return new WebhookSender(
                transport, headers.build(), secrets.isEmpty() ? null : WebhookSigner.of(secrets), context.clock());
    }
}
