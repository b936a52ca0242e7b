package dev.emailconnectors.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configures every connector with sentinel secrets, drives it through its failure paths with every logger at DEBUG,
 * and looks for the sentinel (as is, URL-encoded or inside base64) in every log line, exception (message, causes,
 * suppressed), {@code toString}, validation report and redacted configuration.
 */
@DisplayName("Secret leaks")
class SecretLeakTest {
    static final List<Fixture> FIXTURES = Fixtures.all();
    private static final ConnectorCatalog CATALOG = EmailConnectors.discover();

    /** One way of using a connector that could leak a secret. */
    enum Path {
        SUCCESS_AT_DEBUG(false),
        AUTHENTICATION_FAILURE(true),
        PROVIDER_ERROR_ECHOING_THE_SECRET(true),
        TIMEOUT(true),
        INVALID_CONFIG(false),
        TO_STRING_AND_REDACTION(false);

        final boolean needsFailingPeer;

        Path(boolean needsFailingPeer) {
            this.needsFailingPeer = needsFailingPeer;
        }
    }

    @AfterAll
    static void stop() {
        FIXTURES.forEach(Fixture::close);
        System.out.printf(
                "Secret-leak suite: %d connector configurations x paths = %d checks%n",
                FIXTURES.size(), cases().count());
    }

    static Stream<Arguments> cases() {
        return FIXTURES.stream().flatMap(f -> Stream.of(Path.values())
                .filter(p -> f.canFail() || !p.needsFailingPeer)
                .map(p -> Arguments.of(f, p)));
    }

    @ParameterizedTest(name = "{0}: {1}", autoCloseArguments = false)
    @MethodSource("cases")
    @DisplayName("no sentinel in logs, exceptions, toString, validation or redacted output")
    void noLeak(Fixture fixture, Path path) {
        fixture.reset();
        ObjectNode config = fixture.config(Secrets.secret());
        List<String> secrets = Secrets.values(CATALOG, fixture.id(), config);
        assertThat(String.join(" ", secrets))
                .as("the fixture plants the sentinel")
                .contains(Secrets.SENTINEL);
        List<String> texts = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            ConnectorContext context =
                    fixture.context(ConnectorContext.builder()).build();
            switch (path) {
                case SUCCESS_AT_DEBUG -> texts.add(
                        send(config, fixture, context, texts).toString());
                case AUTHENTICATION_FAILURE -> {
                    fixture.failAuthentication();
                    send(config, fixture, context, texts);
                }
                case PROVIDER_ERROR_ECHOING_THE_SECRET -> {
                    fixture.failWithProviderError("the request was refused");
                    send(config, fixture, context, texts);
                }
                case TIMEOUT -> {
                    fixture.hang();
                    send(config, fixture, context, texts);
                }
                case INVALID_CONFIG -> invalid(fixture, config, context, texts);
                case TO_STRING_AND_REDACTION -> {
                    try (EmailConnector c = CATALOG.create(fixture.id(), config, context)) {
                        texts.add(c.toString());
                    }
                    texts.add(CATALOG.redact(fixture.id(), config).toString());
                    texts.add(CATALOG.require(fixture.id()).toString());
                    texts.add(context.toString());
                    texts.add(CATALOG.validate(fixture.id(), config).toString());
                }
            }
            texts.addAll(logs.lines());
        } finally {
            fixture.reset();
        }
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            leaks.addAll(Leaks.find(Secrets.SENTINEL, path + " output #" + i, texts.get(i)));
        }
        assertThat(leaks).as("%s leaked a secret", fixture).isEmpty();
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a composite whose member names an unknown connector still redacts that member's secrets")
    void unknownMemberIsRedacted() {
        ObjectNode member = new WebhookFixture().config(Secrets.secret());
        ObjectNode config = Json.object();
        config.putArray("connectors").addObject().put("id", "no-such-connector").set("config", member);
        assertThat(Leaks.find(
                        Secrets.SENTINEL,
                        "redacted",
                        CATALOG.redact("failover", config).toString()))
                .isEmpty();
        assertThat(Leaks.find(
                        Secrets.SENTINEL,
                        "validation",
                        CATALOG.validate("failover", config).describe()))
                .isEmpty();
    }

    /** Sends one message, recording the outcome's text; returns the result or null. */
    private static SendResult send(ObjectNode config, Fixture fixture, ConnectorContext context, List<String> texts) {
        try (EmailConnector c = CATALOG.create(fixture.id(), config, context)) {
            SendResult r = c.sendMessage(
                    TemplateType.SIGN_IN,
                    "user@example.com",
                    Payload.builder()
                            .code("123456")
                            .put("user", Map.of("name", "Ana"))
                            .build());
            texts.add(r.toString());
            return r;
        } catch (EmailConnectorException e) {
            texts.add(Leaks.stackTrace(e));
            texts.add(e.toString());
            return null;
        }
    }

    /**
     * Breaks the configuration around its secrets: an unknown field, and every non-secret text field (nested ones
     * included, member connector ids excepted) given a number; the secrets stay where they belong.
     */
    private static void invalid(Fixture fixture, ObjectNode config, ConnectorContext context, List<String> texts) {
        ObjectNode broken = config.deepCopy();
        broken.put("noSuchOption", true);
        JsonNode redacted = CATALOG.redact(fixture.id(), config);
        breakFields(broken, redacted);
        assertThat(CATALOG.validate(fixture.id(), broken).isValid()).isFalse();
        texts.add(CATALOG.validate(fixture.id(), broken).describe());
        texts.add(CATALOG.redact(fixture.id(), broken).toString());
        try (EmailConnector c = CATALOG.create(fixture.id(), broken, context)) {
            texts.add("created " + c);
        } catch (EmailConnectorException e) {
            texts.add(Leaks.stackTrace(e));
        }
    }

    private static void breakFields(ObjectNode node, JsonNode redacted) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = node.get(name);
            JsonNode masked = redacted.path(name);
            if (value.isTextual() && !masked.asText().equals("***") && !name.equals("id")) {
                node.put(name, 42);
            } else if (value.isObject()) {
                breakFields((ObjectNode) value, masked);
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isObject()) {
                        breakFields((ObjectNode) value.get(i), masked.path(i));
                    }
                }
            }
        }
    }
}
