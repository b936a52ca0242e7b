package dev.emailconnectors.builtin;

import static dev.emailconnectors.builtin.Fixtures.CATALOG;
import static dev.emailconnectors.builtin.Fixtures.JSON;
import static dev.emailconnectors.builtin.Fixtures.branding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Built-in configuration")
class ConfigTest {

    private static List<ConfigViolation> violations(ObjectNode config) {
        return CATALOG.validate("builtin", config).violations();
    }

    @Nested
    @DisplayName("URL guard (Logto's urlRegEx semantics)")
    class UrlGuard {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://example.com",
                    "prefix https://example.com/phish suffix",
                    "HTTPS://Example.COM/path",
                    "www.example.com",
                    "WWW.EXAMPLE.COM",
                    "example.com",
                    "contact example.com only",
                    "foo.bar/path",
                    "x.y",
                    "a.b.c.com",
                    "SomeCompany example.com",
                    "http://localhost:8080",
                    "S.A. then evil.io"
                })
        @DisplayName("finds URLs and bare domains")
        void urls(String text) {
            assertThat(UrlDetector.containsUrl(text)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "p.s.a.",
                    "P.S.A.",
                    "S.A.",
                    "P.C.",
                    "SomeCompany S.A.",
                    "Przykładowa Firma Sp. z o.o., ul. Długa 5/7, 00-950 Warszawa, NIP 525-000-00-00, KRS 0000000000",
                    "Acme Inc. 1.5 million users, v2.0",
                    "e.g. our team",
                    ""
                })
        @DisplayName("leaves dotted abbreviations, version numbers and plain text alone")
        void notUrls(String text) {
            assertThat(UrlDetector.containsUrl(text)).isFalse();
        }

        @Test
        @DisplayName("a URL in sender name or company information is reported with Logto's messages, both at once")
        void reportedWithLogtoMessages() {
            ObjectNode config = branding()
                    .put("senderName", "Acme https://evil.example")
                    .put("companyInformation", "SomeCompany example.com");
            assertThat(violations(config))
                    .containsExactly(
                            new ConfigViolation("/companyInformation", "URL is not allowed in company information."),
                            new ConfigViolation("/senderName", "URL is not allowed in sender name."));
        }

        @Test
        @DisplayName("the sender name 'SomeCompany S.A.' and Polish company details are accepted")
        void logtoAccepted() {
            ObjectNode config = branding()
                    .put("senderName", "SomeCompany S.A.")
                    .put("companyInformation", "Przykładowa Firma Sp. z o.o., ul. Długa 5/7, 00-950 Warszawa");
            assertThat(violations(config)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Fields")
    class Fields {
        @Test
        @DisplayName("an empty configuration is valid: branding is optional")
        void emptyIsValid() {
            assertThat(violations(JSON.createObjectNode())).isEmpty();
        }

        @Test
        @DisplayName("the logo must be an https: or data:image URL")
        void logo() {
            assertThat(violations(branding().put("appLogo", "https://cdn.example.com/logo.png")))
                    .isEmpty();
            assertThat(violations(branding().put("appLogo", "http://cdn.example.com/logo.png")))
                    .extracting(ConfigViolation::path)
                    .containsExactly("/appLogo");
            assertThat(violations(branding().put("appLogo", "javascript:alert(1)")))
                    .extracting(ConfigViolation::path)
                    .containsExactly("/appLogo");
        }

        @Test
        @DisplayName("the primary color must be #RRGGBB, and every problem is reported at once")
        void colorAndEverything() {
            ObjectNode config = branding()
                    .put("primaryColor", "red")
                    .put("appLogo", "ftp://x")
                    .put("senderName", "see www.example.org")
                    .put("fromEmail", "ceo@example.com");
            assertThat(violations(config))
                    .extracting(ConfigViolation::path)
                    .containsExactlyInAnyOrder("/appLogo", "/fromEmail", "/primaryColor", "/senderName");
        }

        @Test
        @DisplayName("a stored Logto configuration validates unchanged, and its appSecret is redacted")
        void logtoConfig() {
            ObjectNode stored = branding()
                    .put("endpoint", "https://cloud.logto.io/api")
                    .put("tokenEndpoint", "https://auth.logto.io/oidc/token")
                    .put("resource", "https://cloud.logto.io/api")
                    .put("appId", "abc")
                    .put("appSecret", "very-secret-value");
            assertThat(violations(stored)).isEmpty();
            assertThat(CATALOG.validate("logto-email", stored).isValid()).isTrue();
            assertThat(CATALOG.redact("builtin", stored).toString())
                    .doesNotContain("very-secret-value")
                    .contains("***");
        }
    }
}
