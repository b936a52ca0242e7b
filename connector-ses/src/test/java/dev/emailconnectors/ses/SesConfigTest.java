package dev.emailconnectors.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.NetworkPolicy;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("AWS SES connector: configuration")
class SesConfigTest {
    private static final ConnectorCatalog CATALOG = EmailConnectors.discover();

    /** Logto's AWS SES connector configuration: its fields and its default templates, without contentType. */
    private static final String LOGTO_CONFIG = "{"
            + "'accessKeyId':'AKIAIOSFODNN7EXAMPLE',"
            + "'accessKeySecret':'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',"
            + "'region':'eu-west-1',"
            + "'emailAddress':'no-reply@example.com',"
            + "'emailAddressIdentityArn':'arn:aws:ses:eu-west-1:123456789012:identity/example.com',"
            + "'feedbackForwardingEmailAddress':'feedback@example.com',"
            + "'feedbackForwardingEmailAddressIdentityArn':'arn:aws:ses:eu-west-1:123456789012:identity/example.com',"
            + "'configurationSetName':'logto',"
            + "'templates':["
            + template("SignIn", "sign-in", "sign-in verification code")
            + "," + template("Register", "register", "sign-up verification code")
            + "," + template("ForgotPassword", "forgot-password", "password change verification code")
            + "," + template("OrganizationInvitation", "organization-invitation", "organization invitation code")
            + "," + template("Generic", "generic", "verification code")
            + "," + template("UserPermissionValidation", "user-permission-validation", "permission validation code")
            + "," + template("BindNewIdentifier", "bind-new-identifier", "bind new identifier code")
            + "," + template("MfaVerification", "mfa-verification", "MFA verification code")
            + "," + template("BindMfa", "bind-mfa", "add 2-step verification code")
            + "]}";

    private static String template(String type, String subject, String what) {
        return "{'usageType':'" + type + "','subject':'<" + subject + "-template-subject>'," + "'content':'Your Logto "
                + what + " is {{code}}. The code will remain active for 10 minutes.'}";
    }

    private static ObjectNode logtoConfig() throws Exception {
        return (ObjectNode) SesPeer.JSON.readTree(LOGTO_CONFIG.replace('\'', '"'));
    }

    private static List<String> violations(JsonNode config) {
        return CATALOG.validate("ses", config).violations().stream()
                .map(ConfigViolation::toString)
                .toList();
    }

    @Nested
    @DisplayName("Logto compatibility")
    class Logto {
        @Test
        @DisplayName("a Logto AWS SES configuration validates unchanged, under the id and the Logto alias")
        void logtoConfigValidates() throws Exception {
            assertThat(violations(logtoConfig())).isEmpty();
            assertThat(CATALOG.validate("aws-ses-mail", logtoConfig()).isValid())
                    .isTrue();
            assertThat(CATALOG.require("aws-ses-mail").id()).isEqualTo("ses");
        }

        @Test
        @DisplayName("a Logto configuration missing a required template type is refused with Logto's message")
        void missingTemplateType() throws Exception {
            ObjectNode config = logtoConfig();
            config.withArray("templates").remove(0);
            assertThat(violations(config))
                    .containsExactly("/templates: Template with UsageType (SignIn) should be provided!");
        }

        @Test
        @DisplayName("the secret is redacted; the access key id is not a secret")
        void redaction() throws Exception {
            JsonNode redacted = CATALOG.redact("ses", logtoConfig());
            assertThat(redacted.path("accessKeySecret").asText()).isEqualTo("***");
            assertThat(redacted.path("accessKeyId").asText()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        }
    }

    @Nested
    @DisplayName("Rules beyond Logto's")
    class Rules {
        @Test
        @DisplayName("only region and templates are required; keys may come from the default credentials chain")
        void minimal() throws Exception {
            ObjectNode config = logtoConfig();
            config.retain("region", "templates");
            assertThat(violations(config)).isEmpty();
        }

        @Test
        @DisplayName("an access key id without its secret, and the reverse, are reported")
        void keysComeInPairs() throws Exception {
            ObjectNode idOnly = logtoConfig();
            idOnly.remove("accessKeySecret");
            ObjectNode secretOnly = logtoConfig();
            secretOnly.remove("accessKeyId");
            assertThat(violations(idOnly)).containsExactly("/accessKeySecret: is required when accessKeyId is set");
            assertThat(violations(secretOnly)).containsExactly("/accessKeyId: is required when accessKeySecret is set");
        }

        @Test
        @DisplayName("every problem is reported at once, each with its path")
        void everyProblemAtOnce() throws Exception {
            ObjectNode config = logtoConfig()
                    .put("region", "Mars")
                    .put("emailAddress", "not an address")
                    .put("feedbackForwardingEmailAddress", "josé@example.com")
                    .put("endpoint", "http://email.example.com")
                    .put("timeout", 0);
            config.putObject("retry").put("maxAttempts", 11).put("initialDelay", 100);
            assertThat(CATALOG.validate("ses", config).violations())
                    .extracting(ConfigViolation::path)
                    .containsExactlyInAnyOrder(
                            "/region",
                            "/emailAddress",
                            "/feedbackForwardingEmailAddress",
                            "/endpoint",
                            "/retry/maxAttempts",
                            "/retry/initialDelay",
                            "/timeout");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://email.us-east-1.amazonaws.com",
                    "https://vpce-0123.email.us-east-1.vpce.amazonaws.com/",
                    "http://localhost:4566",
                    "http://127.0.0.1:8080",
                    "http://[::1]:8080"
                })
        @DisplayName("an endpoint is https, or plain http for a loopback host")
        void acceptedEndpoints(String endpoint) throws Exception {
            assertThat(violations(logtoConfig().put("endpoint", endpoint))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "http://email.us-east-1.amazonaws.com",
                    "ftp://example.com",
                    "https://user:pw@example.com",
                    "https://example.com/?a=b",
                    "https://"
                })
        @DisplayName("other endpoints are refused")
        void refusedEndpoints(String endpoint) throws Exception {
            assertThat(CATALOG.validate("ses", logtoConfig().put("endpoint", endpoint))
                            .violations())
                    .extracting(ConfigViolation::path)
                    .containsExactly("/endpoint");
        }

        @Test
        @DisplayName("a host that forbids private addresses refuses a loopback endpoint before any request")
        void networkPolicy() throws Exception {
            try (SesPeer peer = new SesPeer()) {
                ConnectorContext context = ConnectorContext.builder()
                        .networkPolicy(NetworkPolicy.publicAddressesOnly())
                        .build();
                try (EmailConnector ses = CATALOG.create("ses", peer.config(), context)) {
                    assertThatThrownBy(() -> ses.sendMessage(TemplateType.SIGN_IN, "user@example.com", Payload.empty()))
                            .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                                    .isEqualTo(ErrorCode.INVALID_CONFIG));
                }
                assertThat(peer.calls()).isEmpty();
            }
        }

        @Test
        @DisplayName("the connector's description of itself names no secret")
        void toStringIsSafe() throws Exception {
            SesConfig config = SesConfig.from(logtoConfig());
            assertThat(config.toString())
                    .contains("eu-west-1")
                    .doesNotContain("wJalrXUtnFEMI")
                    .doesNotContain("AKIAIOSFODNN7EXAMPLE");
        }
    }
}
