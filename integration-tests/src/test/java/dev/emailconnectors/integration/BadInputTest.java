package dev.emailconnectors.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.ContentType;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendRequest;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.ValidationResult;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.TemplateSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sends hostile recipients, payload values, template types and configurations to every connector, each against its
 * loopback peer: every one must end in a typed {@link EmailConnectorException} or in a message that reached the peer
 * safely (one intended recipient, single-line headers, escaped HTML), and an invalid recipient must reach nothing.
 */
@DisplayName("Bad input")
class BadInputTest {
    static final List<Fixture> FIXTURES = Fixtures.all();
    static final List<String> TEMPLATE_NAMES = List.of("Unknown", "signin", "SIGN_IN", "SignIn\r\n", "", "Generic ");
    private static final ConnectorCatalog CATALOG = EmailConnectors.discover();

    /** The host's template for every type: every payload variable, in the subject, HTML, reply-to and sender. */
    static final TemplateSource HOST = (type, tag) -> Optional.of(new EmailTemplate(
            type,
            "Code {{code}} for {{user.name}}",
            "<p>Hello {{user.name}}, your code is <b>{{code}}</b>.</p><p><a href=\"{{link}}\">{{link}}</a></p>"
                    + "<p>{{organization.name}} / {{application.name}} / {{deep.n.n.n}}</p>",
            ContentType.TEXT_HTML,
            Optional.of("{{reply.to}}"),
            Optional.of("{{sender.name}}")));

    @AfterAll
    static void stop() {
        FIXTURES.forEach(Fixture::close);
        int inputs = Hostile.sends().size()
                + TEMPLATE_NAMES.size()
                + 1
                + BadConfigs.all().size();
        System.out.printf(
                "Bad-input suite: %d hostile inputs (%d sends, %d template types, %d configurations) x %d connector"
                        + " configurations = %d checks%n",
                inputs,
                Hostile.sends().size(),
                TEMPLATE_NAMES.size() + 1,
                BadConfigs.all().size(),
                FIXTURES.size(),
                inputs * FIXTURES.size());
    }

    static Stream<Arguments> sends() {
        return Hostile.sends().stream().flatMap(s -> FIXTURES.stream().map(f -> Arguments.of(s, f)));
    }

    static Stream<Arguments> configs() {
        return BadConfigs.all().stream().flatMap(c -> FIXTURES.stream().map(f -> Arguments.of(c, f)));
    }

    static Stream<Fixture> fixtures() {
        return FIXTURES.stream();
    }

    private static ConnectorContext context(Fixture f) {
        return f.context(ConnectorContext.builder().templateResolver(HOST)).build();
    }

    @Nested
    @DisplayName("Hostile recipients and payload values")
    class Sends {
        @ParameterizedTest(name = "{1}: {0}", autoCloseArguments = false)
        @MethodSource("dev.emailconnectors.integration.BadInputTest#sends")
        @DisplayName("end in a typed error or reach the peer safely")
        void hostileSend(Hostile.Send send, Fixture fixture) {
            fixture.reset();
            try (EmailConnector c =
                    CATALOG.create(fixture.id(), fixture.config("k3y-0123456789abcdef"), context(fixture))) {
                c.send(SendRequest.builder(
                                TemplateType.SIGN_IN, send.to(), send.payload().get())
                        .build());
                assertThat(send.mustRefuseRecipient())
                        .as("an invalid recipient was accepted")
                        .isFalse();
            } catch (EmailConnectorException e) {
                if (send.mustRefuseRecipient()) {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.INVALID_RECIPIENT);
                    assertThat(fixture.wire()).as("nothing may reach the peer").isEmpty();
                }
            } catch (RuntimeException e) {
                fail("untyped failure " + e, e);
            } finally {
                List<String> problems = WireChecks.problems(fixture, send.to());
                fixture.reset();
                assertThat(problems).as("what reached the peer").isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("Unknown template types")
    class TemplateTypes {
        @ParameterizedTest(name = "{0}", autoCloseArguments = false)
        @MethodSource("dev.emailconnectors.integration.BadInputTest#fixtures")
        @DisplayName("a missing type and unknown wire names fail with TEMPLATE_NOT_FOUND, sending nothing")
        void unknownTypes(Fixture fixture) {
            fixture.reset();
            try (EmailConnector c =
                    CATALOG.create(fixture.id(), fixture.config("k3y-0123456789abcdef"), context(fixture))) {
                for (String name : TEMPLATE_NAMES) {
                    try {
                        c.sendMessage(TemplateType.fromWireName(name), "user@example.com", Payload.empty());
                        fail("template type '" + name + "' was accepted");
                    } catch (EmailConnectorException e) {
                        assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_NOT_FOUND);
                    }
                }
                try {
                    c.sendMessage(null, "user@example.com", Payload.empty());
                    fail("a null template type was accepted");
                } catch (EmailConnectorException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_NOT_FOUND);
                }
            } finally {
                assertThat(fixture.wire()).isEmpty();
                fixture.reset();
            }
        }
    }

    @Nested
    @DisplayName("Hostile configurations")
    class Configs {
        @ParameterizedTest(name = "{1}: {0}", autoCloseArguments = false)
        @MethodSource("dev.emailconnectors.integration.BadInputTest#configs")
        @DisplayName("are refused with every violation, or work without malformed output")
        void hostileConfig(BadConfigs.Case bad, Fixture fixture) {
            fixture.reset();
            ObjectNode valid = fixture.config("k3y-0123456789abcdef");
            JsonNode config = bad.derive().apply(valid);
            ValidationResult result;
            try {
                result = CATALOG.validate(fixture.id(), config);
            } catch (RuntimeException e) {
                throw new AssertionError("validation threw instead of reporting: " + e, e);
            }
            if (bad.mustBeInvalid().test(fixture)) {
                assertThat(result.isValid()).as("%s validated", bad).isFalse();
                assertThat(result.violations())
                        .allSatisfy(v -> assertThat(v.path()).isNotNull());
            }
            try (EmailConnector c = CATALOG.create(fixture.id(), config, context(fixture))) {
                assertThat(result.isValid())
                        .as("an invalid configuration created a connector")
                        .isTrue();
                c.sendMessage(
                        TemplateType.SIGN_IN, "user@example.com", Hostile.base().build());
            } catch (EmailConnectorException e) {
                if (!result.isValid()) {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
                }
            } catch (RuntimeException e) {
                fail("untyped failure " + e, e);
            } finally {
                List<String> problems = WireChecks.problems(fixture, "user@example.com");
                fixture.reset();
                assertThat(problems).as("what reached the peer").isEmpty();
            }
        }
    }
}
