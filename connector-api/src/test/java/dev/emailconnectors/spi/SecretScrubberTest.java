package dev.emailconnectors.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("SecretScrubber")
class SecretScrubberTest {
    /** A secret with the characters that encodings change: quote, backslash, plus, slash, space, non-ASCII. */
    private static final String SECRET = "pa\"ss\\wo+rd/Zq81 ümlaut-0123456789";

    private final SecretScrubber scrubber = SecretScrubber.of(List.of(SECRET));

    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '/') {
                b.append("\\/");
            } else if (c > 127) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "plain",
                "url-encoded",
                "url-encoded lower-case, %20 for space",
                "json-escaped",
                "json inside a form value",
                "html-escaped",
                "whitespace-collapsed",
                "folded over lines",
                "base64",
                "base64url, cut short",
                "truncated at the end",
                "starting mid-secret"
            })
    void everyForm(String form) {
        String url = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        String echoed =
                switch (form) {
                    case "plain" -> SECRET;
                    case "url-encoded" -> url;
                    case "url-encoded lower-case, %20 for space" -> java.util.regex.Pattern.compile("%[0-9A-F]{2}")
                            .matcher(url)
                            .replaceAll(m -> m.group().toLowerCase(Locale.ROOT))
                            .replace("+", "%20");
                    case "json-escaped" -> json(SECRET);
                    case "json inside a form value" -> "client_secret=" + url + "&grant_type=refresh_token";
                    case "html-escaped" -> SECRET.replace("\"", "&quot;").replace("ü", "&#252;");
                    case "whitespace-collapsed" -> SECRET.replace(" ", "\n\t ");
                    case "folded over lines" -> SECRET.substring(0, 12) + "\r\n " + SECRET.substring(12);
                    case "base64" -> Base64.getEncoder()
                            .encodeToString(("\0user\0" + SECRET).getBytes(StandardCharsets.UTF_8));
                    case "base64url, cut short" -> Base64.getUrlEncoder()
                            .encodeToString(("Bearer " + SECRET).getBytes(StandardCharsets.UTF_8))
                            .substring(0, 40);
                    case "truncated at the end" -> SECRET.substring(0, SECRET.length() - 9) + "...";
                    case "starting mid-secret" -> SECRET.substring(10);
                    default -> throw new IllegalArgumentException(form);
                };
        String text = "error_description: \"invalid " + echoed + "\" (400)";
        assertThat(scrubber.holds(text)).as(text).isTrue();
        String scrubbed = scrubber.scrub(text);
        assertThat(scrubbed)
                .startsWith("error_description: \"invalid ")
                .contains("***")
                .endsWith("\" (400)");
        assertThat(scrubbed).doesNotContain("Zq81").doesNotContain("0123456789");
    }

    @Test
    @DisplayName("leaves text without a secret alone, and masks short secrets only whole")
    void noFalsePositives() {
        String text = "queued as " + Base64.getEncoder().encodeToString("an innocent message".getBytes())
                + " for a password reset at 12:00";
        assertThat(scrubber.scrub(text)).isEqualTo(text);
        SecretScrubber shortOne = SecretScrubber.of(List.of("abcd1234"));
        assertThat(shortOne.scrub("abcd12 and abcd1234")).isEqualTo("abcd12 and ***");
    }

    @Test
    @DisplayName("scrubs an exception's message, provider code, request id, causes and suppressed exceptions")
    void exception() {
        EmailConnectorException e = EmailConnectorException.builder(ErrorCode.PROVIDER_REJECTED, "said " + SECRET)
                .providerErrorCode("E-" + json(SECRET))
                .providerRequestId(URLEncoder.encode(SECRET, StandardCharsets.UTF_8))
                .cause(new IllegalStateException("cause " + SECRET))
                .build();
        e.addSuppressed(new IllegalArgumentException("suppressed " + SECRET));
        EmailConnectorException safe = scrubber.scrub(e);
        assertThat(safe.detail()).isEqualTo("said ***");
        assertThat(safe.providerErrorCode()).contains("E-***");
        assertThat(safe.providerRequestId()).contains("***");
        assertThat(safe.getCause().getMessage()).isEqualTo("cause ***");
        assertThat(safe.getSuppressed()).hasSize(1);
        assertThat(safe.getSuppressed()[0].getMessage()).isEqualTo("suppressed ***");
        assertThat(safe.getMessage()).doesNotContain("Zq81");
        EmailConnectorException clean = new EmailConnectorException(ErrorCode.GENERAL, "nothing here");
        assertThat(scrubber.scrub(clean)).isSameAs(clean);
    }

    @Test
    @DisplayName("secrets added at run time are scrubbed, by the child and its parent; none() ignores them")
    void runtimeSecrets() {
        SecretScrubber parent = SecretScrubber.of(List.of());
        SecretScrubber child = parent.child(List.of("member-secret-value"));
        child.add("ya29.access-token-from-refresh");
        assertThat(child.scrub("Bearer ya29.access-token-from-refresh")).isEqualTo("Bearer ***");
        assertThat(parent.scrub("Bearer ya29.access-token-from-refresh")).isEqualTo("Bearer ***");
        assertThat(parent.scrub("member-secret-value")).isEqualTo("member-secret-value");
        SecretScrubber.none().add("ya29.access-token-from-refresh");
        assertThat(SecretScrubber.none().scrub("ya29.access-token-from-refresh"))
                .isEqualTo("ya29.access-token-from-refresh");
        for (int i = 0; i < SecretScrubber.MAX_RUNTIME_SECRETS + 10; i++) {
            child.add("rotated-token-" + i);
        }
        assertThat(child.scrub("rotated-token-" + (SecretScrubber.MAX_RUNTIME_SECRETS + 9)))
                .isEqualTo("***");
        assertThat(child.toString()).doesNotContain("token");
    }
}
