package dev.emailconnectors.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AWS SES connector: 7-bit mailboxes")
class AddressesTest {
    private static final Pattern WORD = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]+)\\?=");

    @Test
    @DisplayName("a plain ASCII display name stays as it is; one with specials is quoted and escaped")
    void asciiNames() {
        assertThat(Addresses.format(Mailbox.of("Acme", "a@example.com"), "sender"))
                .isEqualTo("Acme <a@example.com>");
        assertThat(Addresses.format(Mailbox.of("Acme, Inc. \"Support\"", "a@example.com"), "sender"))
                .isEqualTo("\"Acme, Inc. \\\"Support\\\"\" <a@example.com>");
    }

    @Test
    @DisplayName("a long non-ASCII display name becomes several encoded words of at most 75 characters")
    void longNonAsciiName() {
        String name = "株式会社エグザンプル・カスタマーサポートセンター東京本社第二営業部お問い合わせ窓口";
        String formatted = Addresses.format(Mailbox.of(name, "a@example.com"), "sender");

        assertThat(formatted).endsWith(" <a@example.com>").matches("\\p{ASCII}+");
        StringBuilder decoded = new StringBuilder();
        Matcher m = WORD.matcher(formatted);
        int words = 0;
        while (m.find()) {
            assertThat(m.group()).hasSizeLessThanOrEqualTo(75);
            decoded.append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
            words++;
        }
        assertThat(words).isGreaterThan(1);
        assertThat(decoded.toString()).isEqualTo(name);
    }

    @Test
    @DisplayName("the sender's domain goes to punycode; a UTF-8 local part or a non-address is INVALID_CONFIG")
    void senderAddress() {
        assertThat(Addresses.format(Mailbox.of("noreply@bücher.example"), "sender"))
                .isEqualTo("noreply@xn--bcher-kva.example");
        for (String bad : new String[] {"josé@example.com", "Reply to us", ""}) {
            assertThatThrownBy(() -> Addresses.format(Mailbox.of(bad), "sender"))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.INVALID_CONFIG));
        }
    }

    @Test
    @DisplayName("a reply-to value may be 'Name <address>' or a bare address")
    void replyToForms() {
        assertThat(Addresses.parseReplyTo("Help Desk <help@example.com>"))
                .isEqualTo(Mailbox.of("Help Desk", "help@example.com"));
        assertThat(Addresses.parseReplyTo(" help@example.com ")).isEqualTo(Mailbox.of("help@example.com"));
    }
}
