package dev.emailconnectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Value types")
class ValueTypesTest {

    @Test
    @DisplayName("template types round-trip through their Logto wire names and reject unknown ones")
    void templateTypes() {
        for (TemplateType type : TemplateType.values()) {
            assertThat(TemplateType.fromWireName(type.wireName())).isSameAs(type);
        }
        assertThat(TemplateType.values())
                .extracting(TemplateType::wireName)
                .containsExactly(
                        "SignIn",
                        "Register",
                        "ForgotPassword",
                        "OrganizationInvitation",
                        "Generic",
                        "UserPermissionValidation",
                        "BindNewIdentifier",
                        "MfaVerification",
                        "BindMfa");
        assertThatThrownBy(() -> TemplateType.fromWireName("signin"))
                .isInstanceOf(EmailConnectorException.class)
                .hasMessageContaining("Unknown template type 'signin'")
                .hasMessageContaining("SignIn, Register");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "user@example.com",
                "first.last+tag@sub.example.co.uk",
                "\"quoted local\"@example.com",
                "o'brien@example.ie",
                "用户@例子.中国",
                "josé@bücher.de",
                "a@b.cd"
            })
    @DisplayName("valid addresses are accepted")
    void validAddresses(String address) {
        assertThat(EmailAddress.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain",
                "@example.com",
                "user@",
                "user@localhost",
                "a b@example.com",
                "user@exa mple.com",
                "user@example.com\r\nBcc: x@evil.test",
                "user\n@example.com",
                "user@[192.0.2.1]",
                ".user@example.com",
                "user.@example.com",
                "us..er@example.com",
                "user@-example.com",
                "user@example.123",
                "user@@example.com",
                "user\u0000@example.com",
                "user@example..com"
            })
    @DisplayName("malformed and hostile addresses are refused with INVALID_RECIPIENT")
    void invalidAddresses(String address) {
        assertThatThrownBy(() -> EmailAddress.parse(address))
                .isInstanceOf(EmailConnectorException.class)
                .satisfies(e -> assertThat(((EmailConnectorException) e).code()).isEqualTo(ErrorCode.INVALID_RECIPIENT))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
    }

    @Test
    @DisplayName("length limits: 64-octet local part, 254-octet address")
    void lengthLimits() {
        String local64 = "a".repeat(64);
        assertThat(EmailAddress.isValid(local64 + "@example.com")).isTrue();
        assertThat(EmailAddress.isValid("a" + local64 + "@example.com")).isFalse();
        String domain = "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".com"; // 186 chars
        assertThat(EmailAddress.isValid("a".repeat(64) + "@abc" + domain)).isTrue(); // 254
        assertThat(EmailAddress.isValid("a".repeat(64) + "@abcd" + domain)).isFalse(); // 255
        assertThat(EmailAddress.isValid("é".repeat(33) + "@example.com")).isFalse(); // 66 octets
    }

    @Test
    @DisplayName("internationalized domains go to punycode; UTF-8 local parts are flagged for SMTPUTF8")
    void internationalized() {
        EmailAddress idn = EmailAddress.parse("user@bücher.de");
        assertThat(idn.toAscii()).isEqualTo("user@xn--bcher-kva.de");
        assertThat(idn.requiresSmtpUtf8()).isFalse();
        assertThat(EmailAddress.parse("josé@example.com").requiresSmtpUtf8()).isTrue();
    }

    @Test
    @DisplayName("sendFrom is interpreted as Logto's parseSendFrom does")
    void sendFrom() {
        Mailbox fallback = Mailbox.of("Fallback", "noreply@example.com");
        assertThat(Mailbox.parseSendFrom("Support <support@example.com>", fallback))
                .isEqualTo(Mailbox.of("Support", "support@example.com"));
        assertThat(Mailbox.parseSendFrom("My <App> <support@example.com>", fallback)
                        .format())
                .isEqualTo("My App <support@example.com>");
        assertThat(Mailbox.parseSendFrom("Brand <bad<addr@example.com>", fallback)
                        .address())
                .isEqualTo("badaddr@example.com");
        assertThat(Mailbox.parseSendFrom("Test App", fallback))
                .isEqualTo(Mailbox.of("Test App", "noreply@example.com"));
        assertThat(Mailbox.parseSendFrom("bare@example.com", fallback).displayName())
                .isEmpty();
        assertThat(Mailbox.parseSendFrom("Evil\r\nBcc: x@y.z <a@example.com>", fallback)
                        .format())
                .isEqualTo("EvilBcc: x@y.z <a@example.com>");
    }

    @Test
    @DisplayName("payloads are immutable copies whose toString masks the code and the link")
    void payload() {
        Map<String, Object> user = new java.util.HashMap<>(Map.of("name", "Ann"));
        Payload p = Payload.builder()
                .code("654321")
                .link("https://x.test/magic?t=secret")
                .locale("fr-CA")
                .put("user", user)
                .build();
        user.put("name", "changed");
        assertThat(p.asMap().get("user")).isEqualTo(Map.of("name", "Ann"));
        assertThat(p.toString()).doesNotContain("654321", "secret").contains("locale=fr-CA", "user");
        assertThat(p.preferredLanguageTag()).contains("fr-CA");
        assertThat(Payload.builder().uiLocales("de-AT de en").build().preferredLanguageTag())
                .contains("de-AT");
        assertThatThrownBy(() -> p.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("payloads refuse unsupported values, non-string standard keys and runaway sizes")
    void payloadLimits() {
        assertThatThrownBy(() -> Payload.of(Map.of("when", new Object()))).hasMessageContaining("unsupported type");
        assertThatThrownBy(() -> Payload.of(Map.of("code", 123456))).hasMessageContaining("'code' must be a string");
        assertThatThrownBy(() -> Payload.of(Map.of("big", "x".repeat(1_000_001))))
                .hasMessageContaining("more than");
        Object deep = "leaf";
        for (int i = 0; i < 40; i++) {
            deep = List.of(deep);
        }
        Object nested = deep;
        assertThatThrownBy(() -> Payload.of(Map.of("deep", nested))).hasMessageContaining("deeper");
    }

    @Test
    @DisplayName("exceptions carry the code, retry answer and provider details in their message")
    void exceptionFormat() {
        EmailConnectorException e = EmailConnectorException.builder(ErrorCode.RATE_LIMITED, "slow down")
                .retryAfter(java.time.Duration.ofSeconds(2))
                .providerStatus(429)
                .providerRequestId("req-1")
                .build();
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage())
                .isEqualTo("[rate_limit_exceeded] slow down (status: 429, request id: req-1, retry after: PT2S)");
        assertThat(e.remedy()).isEmpty();
        assertThat(ErrorCode.TIMEOUT.logtoCode()).isEmpty();
        assertThat(ErrorCode.TEMPLATE_NOT_FOUND.logtoCode()).contains("template_not_found");
        assertThat(e.toBuilder().retryable(false).build().retryable()).isFalse();
        assertThat(new SendResult("x", Optional.empty(), java.time.Instant.EPOCH, Map.of()).details())
                .isEmpty();
    }

    @Test
    @DisplayName("a remedy is kept by toBuilder and ends the message")
    void exceptionRemedy() {
        EmailConnectorException e = EmailConnectorException.builder(ErrorCode.AUTHENTICATION_FAILED, "refused")
                .providerStatus(535)
                .remedy("Sign in with OAuth2 (XOAUTH2).")
                .build();
        assertThat(e.remedy()).hasValue("Sign in with OAuth2 (XOAUTH2).");
        assertThat(e.getMessage())
                .isEqualTo("[authentication_failed] refused (status: 535). Remedy: Sign in with OAuth2 (XOAUTH2).");
        EmailConnectorException copy = e.toBuilder().connectorId("smtp").build();
        assertThat(copy.remedy()).isEqualTo(e.remedy());
        assertThat(copy.getMessage()).endsWith("Remedy: Sign in with OAuth2 (XOAUTH2).");
        assertThat(EmailConnectorException.builder(ErrorCode.GENERAL, "Failed.")
                        .remedy("Retry.")
                        .build()
                        .getMessage())
                .isEqualTo("[general] Failed. Remedy: Retry.");
        assertThat(EmailConnectorException.builder(ErrorCode.GENERAL, "x")
                        .remedy(" ")
                        .build()
                        .remedy())
                .isEmpty();
    }
}
