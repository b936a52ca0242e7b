package dev.emailconnectors.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.RenderedContent;
import dev.emailconnectors.SendRequest;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every email connector must have, as a JUnit 5 test to extend. A connector's test supplies its id, a
 * valid configuration that points at a test peer on loopback (GreenMail, MockWebServer, a file…), and a way to read
 * what the peer received; the kit then checks discovery, metadata, validation, secrecy, every message type, escaping,
 * header injection, invalid recipients, host-rendered content, concurrency and closing.
 *
 * <pre>{@code
 * class SmtpCompatibilityTest extends EmailConnectorCompatibilityKit {
 *     @RegisterExtension static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);
 *
 *     @Override protected String connectorId() { return "smtp"; }
 *     @Override protected JsonNode validConfig() { return …; }
 *     @Override protected List<CapturedMessage> received() { return …; }
 *     @Override protected void resetPeer() { greenMail.purgeEmailFromAllMailboxes(); }
 * }
 * }</pre>
 *
 * <p>The valid configuration must have templates for at least {@code Register}, {@code SignIn},
 * {@code ForgotPassword} and {@code Generic} (when the connector has configuration templates) and should fill its
 * secret fields, so the secrecy checks have something to look for.
 */
public abstract class EmailConnectorCompatibilityKit {
    private static final String RECIPIENT = "recipient@example.com";
    private static final String SENTINEL = "SENTINEL-s3cr3t-7Hq2";
    private static final int THREADS = 16;
    private static final int SENDS_PER_THREAD = 25;

    /** The catalog the kit discovers; available to subclasses. */
    protected ConnectorCatalog catalog;

    /** A connector created from {@link #validConfig()} before each test and closed after it. */
    protected EmailConnector connector;

    /** Creates the kit; subclasses are JUnit test classes. */
    protected EmailConnectorCompatibilityKit() {}

    /** @return the id of the connector under test */
    protected abstract String connectorId();

    /** @return a valid configuration that points at the test peer */
    protected abstract JsonNode validConfig();

    /** @return every message the peer received since the last {@link #resetPeer()}, in arrival order */
    protected abstract List<CapturedMessage> received();

    /** Forgets what the peer received. Called before each test. */
    protected abstract void resetPeer();

    /**
     * Returns the context connectors are created with. Override to add operator settings; the kit adds its own
     * template resolver for some checks.
     *
     * @return the context
     */
    protected ConnectorContext context() {
        return ConnectorContext.defaults();
    }

    /** @return the optional behaviours of this connector; by default it renders templates */
    protected Set<Capability> capabilities() {
        return EnumSet.of(Capability.RENDERS_TEMPLATES);
    }

    /** @return how long to wait for the peer to see a message */
    protected Duration deliveryTimeout() {
        return Duration.ofSeconds(20);
    }

    @BeforeEach
    void createConnector() {
        resetPeer();
        catalog = EmailConnectors.discover();
        connector = catalog.create(connectorId(), validConfig(), context());
    }

    @AfterEach
    void closeConnector() {
        if (connector != null) {
            connector.close();
        }
    }

    /**
     * Waits until the peer has received at least a number of messages.
     *
     * @param count the number to wait for
     * @return what the peer received
     */
    protected List<CapturedMessage> awaitReceived(int count) {
        long deadline = System.nanoTime() + deliveryTimeout().toNanos();
        List<CapturedMessage> got = received();
        while (got.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            got = received();
        }
        assertThat(got).as("messages received by the peer").hasSizeGreaterThanOrEqualTo(count);
        return got;
    }

    private EmailConnector withHostTemplate(EmailTemplate template) {
        MapTemplateSource source = new MapTemplateSource().put("", template);
        return catalog.create(
                connectorId(),
                validConfig(),
                context().toBuilder().templateResolver(source).build());
    }

    private boolean renders() {
        return capabilities().contains(Capability.RENDERS_TEMPLATES);
    }

    private ConnectorDescriptor descriptor() {
        return catalog.require(connectorId());
    }

    /** Discovery and metadata. */
    @Nested
    @DisplayName("Discovery")
    class Discovery {
        @Test
        @DisplayName("ServiceLoader finds the connector by its id and by every alias")
        void foundByIdAndAlias() {
            ConnectorDescriptor d = descriptor();
            assertThat(d.id()).isEqualTo(connectorId());
            for (String alias : d.metadata().aliases()) {
                assertThat(catalog.find(alias)).as("alias %s", alias).containsSame(d);
            }
        }

        @Test
        @DisplayName("its metadata is complete: names, descriptions, logo, target and readme")
        void metadataComplete() {
            ConnectorMetadata m = descriptor().metadata();
            assertThat(m.name().get("en")).isNotBlank();
            assertThat(m.description().get("en")).isNotBlank();
            assertThat(m.name().values()).allSatisfy(v -> assertThat(v).isNotBlank());
            assertThat(m.description().values()).allSatisfy(v -> assertThat(v).isNotBlank());
            assertThat(m.logo()).matches("(?s)^(https://|data:image/).+");
            assertThat(m.target()).isNotBlank();
            assertThat(m.readme()).isNotBlank();
        }

        @Test
        @DisplayName("its configuration schema is an object schema that refuses unknown fields")
        void schemaShape() {
            JsonNode schema = descriptor().configSchema();
            assertThat(schema.path("type").asText()).isEqualTo("object");
            assertThat(schema.path("properties").isObject()).isTrue();
            assertThat(schema.path("additionalProperties").isBoolean()
                            && !schema.path("additionalProperties").asBoolean())
                    .as("additionalProperties is false")
                    .isTrue();
        }
    }

    /** Validation and secrecy. */
    @Nested
    @DisplayName("Configuration")
    class Configuration {
        @Test
        @DisplayName("the valid configuration validates")
        void validConfigValidates() {
            assertThat(catalog.validate(connectorId(), validConfig()).violations())
                    .isEmpty();
        }

        @Test
        @DisplayName("an empty configuration yields a violation for every required field at once")
        void emptyConfigReportsEveryRequiredField() {
            List<String> required = new ArrayList<>();
            descriptor().configSchema().path("required").forEach(r -> required.add("/" + r.asText()));
            ObjectNode empty = ((ObjectNode) validConfig().deepCopy()).removeAll();
            List<String> paths = catalog.validate(connectorId(), empty).violations().stream()
                    .map(ConfigViolation::path)
                    .toList();
            assertThat(paths).containsAll(required);
        }

        @Test
        @DisplayName("an unknown field is a violation with its path, not silently ignored")
        void unknownFieldReported() {
            ObjectNode config = (ObjectNode) validConfig().deepCopy();
            config.put("noSuchOption", true);
            assertThat(catalog.validate(connectorId(), config).violations())
                    .extracting(ConfigViolation::path)
                    .contains("/noSuchOption");
        }

        @Test
        @DisplayName("a planted secret never appears in toString, exception messages or the redacted config")
        void secretsNeverLeak() {
            JsonNode planted = plantSentinels(validConfig());
            assumeTrue(
                    planted.toString().contains(SENTINEL),
                    "the valid configuration fills no secret field, so there is nothing to look for");
            assertThat(catalog.redact(connectorId(), planted).toString()).doesNotContain(SENTINEL);
            ObjectNode broken = (ObjectNode) planted.deepCopy();
            broken.put("noSuchOption", true);
            assertThat(catalog.validate(connectorId(), broken).describe()).doesNotContain(SENTINEL);
            try (EmailConnector c = catalog.create(connectorId(), planted, context())) {
                assertThat(c.toString()).doesNotContain(SENTINEL);
                assertThat(descriptor().toString()).doesNotContain(SENTINEL);
                assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, "not an address", Payload.empty()))
                        .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(SENTINEL));
            } catch (EmailConnectorException e) {
                assertThat(stackTraceOf(e)).doesNotContain(SENTINEL);
            }
        }

        private JsonNode plantSentinels(JsonNode config) {
            JsonNode redacted = catalog.redact(connectorId(), config);
            return replaceMasked(config.deepCopy(), redacted);
        }

        private JsonNode replaceMasked(JsonNode config, JsonNode redacted) {
            if (config.isObject()) {
                ObjectNode o = (ObjectNode) config;
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    JsonNode r = redacted.path(name);
                    if (o.get(name).isTextual() && r.isTextual() && r.asText().equals("***")) {
                        o.put(name, SENTINEL + o.get(name).asText());
                    } else {
                        replaceMasked(o.get(name), r);
                    }
                }
            } else if (config.isArray()) {
                for (int i = 0; i < config.size(); i++) {
                    JsonNode r = redacted.path(i);
                    if (config.get(i).isTextual() && r.isTextual() && r.asText().equals("***")) {
                        ((com.fasterxml.jackson.databind.node.ArrayNode) config)
                                .set(i, SENTINEL + config.get(i).asText());
                    } else {
                        replaceMasked(config.get(i), r);
                    }
                }
            }
            return config;
        }
    }

    /** Sending. */
    @Nested
    @DisplayName("Sending")
    class Sending {
        @Test
        @DisplayName("every template type sends, falling back to Generic where the configuration has no template")
        void everyTemplateTypeSends() {
            for (TemplateType type : TemplateType.values()) {
                SendResult r = connector.sendMessage(
                        type,
                        RECIPIENT,
                        Payload.builder().code("T" + type.ordinal() + "X").build());
                assertThat(r.connectorId()).isEqualTo(connectorId());
                assertThat(r.acceptedAt()).isNotNull();
            }
            List<CapturedMessage> got = awaitReceived(TemplateType.values().length);
            assertThat(got).hasSize(TemplateType.values().length);
            assertThat(got).allSatisfy(m -> assertThat(m.recipients()).contains(RECIPIENT));
        }

        @Test
        @DisplayName("the code and the link reach the peer")
        void codeAndLinkArrive() {
            Payload payload = Payload.builder()
                    .code("482913")
                    .link("https://example.com/verify?token=kit-link-91")
                    .build();
            if (renders()) {
                try (EmailConnector c = withHostTemplate(
                        EmailTemplate.text(TemplateType.SIGN_IN, "Code {{code}}", "Use {{code}} or open {{link}}"))) {
                    c.sendMessage(TemplateType.SIGN_IN, RECIPIENT, payload);
                }
            } else {
                connector.sendMessage(TemplateType.SIGN_IN, RECIPIENT, payload);
            }
            CapturedMessage m = awaitReceived(1).get(0);
            assertThat(m.allText()).contains("482913").contains("https://example.com/verify?token=kit-link-91");
        }

        @Test
        @DisplayName("an HTML-unsafe payload value arrives escaped in HTML content")
        void htmlIsEscaped() {
            assumeTrue(renders(), "the connector does not render templates");
            String evil = "<script>alert('kit')</script>";
            try (EmailConnector c = withHostTemplate(EmailTemplate.html(
                    TemplateType.ORGANIZATION_INVITATION,
                    "Join {{organization.name}}",
                    "<p>Join <b>{{organization.name}}</b> with code {{code}}</p>"))) {
                c.sendMessage(
                        TemplateType.ORGANIZATION_INVITATION,
                        RECIPIENT,
                        Payload.builder()
                                .code("1")
                                .put("organization", Map.of("name", evil))
                                .build());
            }
            CapturedMessage m = awaitReceived(1).get(0);
            assertThat(m.html()).as("HTML content").hasValueSatisfying(html -> assertThat(html)
                    .contains("&lt;script&gt;")
                    .doesNotContain("<script>alert"));
        }

        @Test
        @DisplayName("CR/LF smuggled into a subject variable does not create a header")
        void noHeaderInjection() {
            assumeTrue(renders(), "the connector does not render templates");
            try (EmailConnector c = withHostTemplate(
                    EmailTemplate.text(TemplateType.SIGN_IN, "Hello {{user.name}}", "Code {{code}}"))) {
                c.sendMessage(
                        TemplateType.SIGN_IN,
                        RECIPIENT,
                        Payload.builder()
                                .code("1")
                                .put("user", Map.of("name", "Eve\r\nBcc: intruder@example.com\r\nX-Kit: 1"))
                                .build());
            }
            List<CapturedMessage> got = awaitReceived(1);
            assertThat(got).hasSize(1);
            CapturedMessage m = got.get(0);
            assertThat(m.recipients()).containsExactly(RECIPIENT);
            assertThat(m.subject()).hasValueSatisfying(s -> assertThat(s).doesNotContain("\r", "\n"));
            assertThat(m.hasHeader("Bcc")).isFalse();
            assertThat(m.hasHeader("X-Kit")).isFalse();
        }

        @Test
        @DisplayName("an invalid recipient fails with INVALID_RECIPIENT and nothing reaches the peer")
        void invalidRecipientRefused() {
            for (String bad : List.of(
                    "not-an-address",
                    "user@example.com\r\nBcc: intruder@example.com",
                    "a@b",
                    "x".repeat(65) + "@example.com",
                    "")) {
                assertThatThrownBy(() -> connector.sendMessage(TemplateType.SIGN_IN, bad, Payload.empty()))
                        .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                                .isEqualTo(ErrorCode.INVALID_RECIPIENT));
            }
            assertThat(received()).isEmpty();
        }

        @Test
        @DisplayName("16 threads × 25 concurrent sends all arrive exactly once")
        void concurrentSendsArriveOnce() throws Exception {
            EmailConnector c = renders()
                    ? withHostTemplate(EmailTemplate.text(TemplateType.SIGN_IN, "Code {{code}}", "Code {{code}}"))
                    : connector;
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < SENDS_PER_THREAD; i++) {
                            c.sendMessage(
                                    TemplateType.SIGN_IN,
                                    RECIPIENT,
                                    Payload.builder().code(code(thread, i)).build());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
                if (c != connector) {
                    c.close();
                }
            }
            List<CapturedMessage> got = awaitReceived(THREADS * SENDS_PER_THREAD);
            assertThat(got).hasSize(THREADS * SENDS_PER_THREAD);
            for (int t = 0; t < THREADS; t++) {
                for (int i = 0; i < SENDS_PER_THREAD; i++) {
                    String code = code(t, i);
                    long count = got.stream().filter(contains(code)).count();
                    if (count != 1) {
                        fail("code %s arrived %d times", code, count);
                    }
                }
            }
        }

        private String code(int thread, int i) {
            return String.format("Q%02d%02dZ", thread, i);
        }

        private Predicate<CapturedMessage> contains(String code) {
            return m -> m.allText().contains(code);
        }
    }

    /** Content the host rendered itself. */
    @Nested
    @DisplayName("Host-rendered content")
    class HostRendered {
        @Test
        @DisplayName("the host's subject, text and HTML arrive as given, placeholders and markup untouched")
        void arrivesAsGiven() {
            RenderedContent content = RenderedContent.of(
                    "Reset your password at Kit {{code}}",
                    "Open https://example.com/reset?key=kit-text-71 to reset.",
                    "<p>Open <a href=\"https://example.com/reset?key=kit-html-72\">this link</a> {{code}}</p>");
            connector.send(SendRequest.builder(
                            TemplateType.FORGOT_PASSWORD,
                            RECIPIENT,
                            Payload.builder().code("90817").build())
                    .content(content)
                    .build());
            CapturedMessage m = awaitReceived(1).get(0);
            assertThat(m.recipients()).containsExactly(RECIPIENT);
            assertThat(m.allText())
                    .contains("Reset your password at Kit {{code}}")
                    .contains("kit-html-72");
            if (renders()) {
                assertThat(m.subject()).hasValue("Reset your password at Kit {{code}}");
                assertThat(m.html()).as("HTML content").hasValueSatisfying(html -> assertThat(html)
                        .contains("<a href=\"https://example.com/reset?key=kit-html-72\">this link</a> {{code}}"));
                assertThat(m.allText()).doesNotContain("90817");
            }
        }

        @Test
        @DisplayName("HTML alone is enough: the message goes out with the HTML")
        void htmlOnly() {
            connector.sendRendered(
                    TemplateType.REGISTER,
                    RECIPIENT,
                    RenderedContent.of("Verify email", null, "<p>Verify <b>kit-only-html-73</b></p>"));
            CapturedMessage m = awaitReceived(1).get(0);
            assertThat(m.allText()).contains("kit-only-html-73");
        }

        @Test
        @DisplayName("CR/LF in a host-rendered subject or reply-to is refused before anything reaches the peer")
        void headerInjectionRefused() {
            for (RenderedContent bad : List.of(
                    RenderedContent.of("Reset\r\nBcc: intruder@example.com", "text", null),
                    RenderedContent.of("Reset", "text", null).withReplyTo("a@example.com\nBcc: intruder@example.com"),
                    RenderedContent.of("Reset\u0000", null, "<p>x</p>"))) {
                assertThatThrownBy(() -> connector.sendRendered(TemplateType.FORGOT_PASSWORD, RECIPIENT, bad))
                        .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAYLOAD);
                            assertThat(e.retryable()).isFalse();
                        });
            }
            assertThat(received()).isEmpty();
        }
    }

    /** Closing. */
    @Nested
    @DisplayName("Lifecycle")
    class Lifecycle {
        @Test
        @DisplayName("close() is idempotent and a send after close fails clearly")
        void closeIsIdempotent() {
            connector.close();
            connector.close();
            assertThatThrownBy(() -> connector.sendMessage(TemplateType.SIGN_IN, RECIPIENT, Payload.empty()))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).contains("closed");
                    });
            assertThat(received()).isEmpty();
        }
    }

    private static String stackTraceOf(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
