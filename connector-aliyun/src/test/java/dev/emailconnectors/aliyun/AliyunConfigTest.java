package dev.emailconnectors.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailSender;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Aliyun DirectMail connector: configuration")
class AliyunConfigTest {
    private static final ConnectorCatalog CATALOG = EmailConnectors.discover();

    /** Logto's Aliyun Direct Mail configuration: its fields and its default templates, without contentType. */
    private static final String LOGTO_CONFIG = "{"
            + "'accessKeyId':'LTAI5tExampleKeyId',"
            + "'accessKeySecret':'ExampleSecretValue',"
            + "'accountName':'noreply@mail.example.com',"
            + "'fromAlias':'Logto',"
            + "'regionId':'ap-southeast-1',"
            + "'templates':["
            + template("SignIn", "sign-in", "sign-in verification code")
            + "," + template("Register", "register", "sign-up verification code")
            + "," + template("ForgotPassword", "forgot-password", "password change verification code")
            + "," + template("OrganizationInvitation", "organization-invitation", "organization invitation code")
            + "," + template("Generic", "generic", "verification code")
            + "," + template("UserPermissionValidation", "user-permission-validation", "permission validation code")
            + "," + template("BindNewIdentifier", "bind-new-identifier", "new identifier binding code")
            + "," + template("MfaVerification", "mfa-verification", "MFA verification code")
            + "," + template("BindMfa", "bind-mfa", "2-step verification setup code")
            + "]}";

    private static String template(String type, String subject, String what) {
        return "{'usageType':'" + type + "','subject':'<" + subject + "-template-subject>'," + "'content':'Your Logto "
                + what + " is {{code}}. The code will remain active for 10 minutes.'}";
    }

    private static ObjectNode logtoConfig() throws Exception {
        return (ObjectNode) AliyunPeer.JSON.readTree(LOGTO_CONFIG.replace('\'', '"'));
    }

    private static List<String> violations(JsonNode config) {
        return CATALOG.validate("aliyun", config).violations().stream()
                .map(ConfigViolation::toString)
                .toList();
    }

    @Nested
    @DisplayName("Logto compatibility")
    class Logto {
        @Test
        @DisplayName("a Logto Aliyun Direct Mail configuration validates unchanged, under the id and the Logto alias")
        void logtoConfigValidates() throws Exception {
            assertThat(violations(logtoConfig())).isEmpty();
            assertThat(CATALOG.validate("aliyun-direct-mail", logtoConfig()).isValid())
                    .isTrue();
            assertThat(CATALOG.require("aliyun-direct-mail").id()).isEqualTo("aliyun");
        }

        @Test
        @DisplayName("without regionId it validates too (cn-hangzhou); cn-shanghai is refused, as in Logto")
        void regions() throws Exception {
            ObjectNode noRegion = logtoConfig();
            noRegion.remove("regionId");
            assertThat(violations(noRegion)).isEmpty();
            assertThat(CATALOG.validate("aliyun", logtoConfig().put("regionId", "cn-shanghai"))
                            .violations())
                    .extracting(ConfigViolation::path)
                    .containsExactly("/regionId");
        }

        @Test
        @DisplayName("a configuration with only a SignIn template is refused with Logto's message")
        void onlySignIn() throws Exception {
            ObjectNode config = logtoConfig();
            var templates = config.withArray("templates");
            for (int i = templates.size() - 1; i > 0; i--) {
                templates.remove(i);
            }
            assertThat(violations(config))
                    .containsExactly(
                            "/templates: Template with UsageType (Register, ForgotPassword, Generic) should be provided!");
        }

        @Test
        @DisplayName("the secret is redacted")
        void redaction() throws Exception {
            JsonNode redacted = CATALOG.redact("aliyun", logtoConfig());
            assertThat(redacted.path("accessKeySecret").asText()).isEqualTo("***");
            assertThat(redacted.path("accessKeyId").asText()).isEqualTo("LTAI5tExampleKeyId");
        }
    }

    @Nested
    @DisplayName("Endpoints and rules")
    class Rules {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "cn-hangzhou,    https://dm.aliyuncs.com/",
            "ap-southeast-1, https://dm.ap-southeast-1.aliyuncs.com/",
            "ap-southeast-2, https://dm.ap-southeast-2.aliyuncs.com/",
            "eu-central-1,   https://dm.eu-central-1.aliyuncs.com/",
            "us-east-1,      https://dm.us-east-1.aliyuncs.com/",
        })
        @DisplayName("each region sends to its public endpoint unless endpoint is set")
        void regionEndpoints(String region, String endpoint) throws Exception {
            ObjectNode config = logtoConfig().put("regionId", region);
            try (EmailSender sender = new AliyunProvider().create(config, ConnectorContext.defaults())) {
                assertThat(sender.toString()).contains(endpoint);
            }
            ObjectNode overridden =
                    logtoConfig().put("regionId", region).put("endpoint", "https://dm-vpc.example.com/");
            try (EmailSender sender = new AliyunProvider().create(overridden, ConnectorContext.defaults())) {
                assertThat(sender.toString()).contains("https://dm-vpc.example.com/");
            }
        }

        @Test
        @DisplayName("every problem is reported at once, each with its path")
        void everyProblemAtOnce() throws Exception {
            ObjectNode config = logtoConfig()
                    .put("accountName", "not an address")
                    .put("endpoint", "http://dm.aliyuncs.com/")
                    .put("tagName", "no spaces allowed")
                    .put("replyToAddress", "yes");
            config.remove("accessKeySecret");
            assertThat(CATALOG.validate("aliyun", config).violations())
                    .extracting(ConfigViolation::path)
                    .containsExactlyInAnyOrder(
                            "/accountName", "/endpoint", "/tagName", "/replyToAddress", "/accessKeySecret");
        }

        @Test
        @DisplayName("the sender's description of itself names no secret")
        void toStringIsSafe() throws Exception {
            try (EmailSender sender = new AliyunProvider().create(logtoConfig(), ConnectorContext.defaults())) {
                assertThat(sender.toString()).doesNotContain("ExampleSecretValue");
            }
            assertThat(AliyunConfig.from(logtoConfig()).toString()).doesNotContain("ExampleSecretValue");
        }
    }
}
