package dev.emailconnectors.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emailconnectors.ContentType;
import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.RenderedEmail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Aliyun DirectMail: SingleSendMail parameters")
class SingleSendMailTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:09:10.987Z"), ZoneOffset.UTC);
    private static final EmailAddress TO = EmailAddress.parse("user@example.com");

    private static AliyunConfig config(Optional<String> fromAlias, boolean replyToAddress, Optional<String> tag) {
        return new AliyunConfig(
                "LTAI5tExampleId",
                "example-secret",
                Region.AP_SOUTHEAST_1,
                "noreply@mail.example.com",
                fromAlias,
                replyToAddress,
                tag);
    }

    private static SingleSendMail builder(AliyunConfig config) {
        AtomicInteger n = new AtomicInteger();
        return new SingleSendMail(config, CLOCK, () -> "nonce-" + n.incrementAndGet());
    }

    private static RenderedEmail text(String content) {
        return new RenderedEmail(
                TemplateType.SIGN_IN,
                "Code 123456",
                ContentType.TEXT_PLAIN,
                content,
                content,
                Optional.empty(),
                Optional.empty());
    }

    private static RenderedEmail html(Optional<String> replyTo, Optional<String> sendFrom) {
        return new RenderedEmail(
                TemplateType.REGISTER,
                "Welcome",
                ContentType.TEXT_HTML,
                "<p>Code <b>123456</b></p>",
                "Code 123456",
                replyTo,
                sendFrom);
    }

    @Nested
    @DisplayName("Message parameters")
    class Message {
        @Test
        @DisplayName("a text template goes out as TextBody, with the fixed SingleSendMail parameters")
        void textBody() {
            Map<String, String> p = builder(config(Optional.empty(), false, Optional.empty()))
                    .message(TO, text("Your code is 123456."));

            assertThat(p)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "AccountName", "noreply@mail.example.com",
                            "Action", "SingleSendMail",
                            "AddressType", "1",
                            "ReplyToAddress", "false",
                            "Subject", "Code 123456",
                            "TextBody", "Your code is 123456.",
                            "ToAddress", "user@example.com"));
        }

        @Test
        @DisplayName("an HTML template goes out as HtmlBody only; tag, alias and reply-to option are passed on")
        void htmlBody() {
            Map<String, String> p = builder(config(Optional.of("Acme"), true, Optional.of("otp_mail")))
                    .message(TO, html(Optional.empty(), Optional.empty()));

            assertThat(p)
                    .containsEntry("HtmlBody", "<p>Code <b>123456</b></p>")
                    .doesNotContainKey("TextBody")
                    .containsEntry("FromAlias", "Acme")
                    .containsEntry("TagName", "otp_mail")
                    .containsEntry("ReplyToAddress", "true");
        }

        @Test
        @DisplayName("the template's sendFrom display name becomes FromAlias; a full mailbox also sets AccountName")
        void sendFrom() {
            SingleSendMail b = builder(config(Optional.of("Acme"), false, Optional.empty()));

            assertThat(b.message(TO, html(Optional.empty(), Optional.of("Foo bar"))))
                    .containsEntry("FromAlias", "Foo bar")
                    .containsEntry("AccountName", "noreply@mail.example.com");
            assertThat(b.message(TO, html(Optional.empty(), Optional.of("Support <help@mail.example.com>"))))
                    .containsEntry("FromAlias", "Support")
                    .containsEntry("AccountName", "help@mail.example.com");
        }

        @Test
        @DisplayName("the template's replyTo becomes ReplyAddress and ReplyAddressAlias")
        void replyTo() {
            SingleSendMail b = builder(config(Optional.empty(), false, Optional.empty()));

            assertThat(b.message(TO, html(Optional.of("Help Desk <help@example.com>"), Optional.empty())))
                    .containsEntry("ReplyAddress", "help@example.com")
                    .containsEntry("ReplyAddressAlias", "Help Desk");
            assertThat(b.message(TO, html(Optional.of("help@example.com"), Optional.empty())))
                    .containsEntry("ReplyAddress", "help@example.com")
                    .doesNotContainKey("ReplyAddressAlias");
        }

        @Test
        @DisplayName("an internationalized domain goes to punycode; a UTF-8 local part is INVALID_RECIPIENT")
        void recipients() {
            SingleSendMail b = builder(config(Optional.empty(), false, Optional.empty()));

            assertThat(b.message(EmailAddress.parse("kunde@bücher.example"), text("x")))
                    .containsEntry("ToAddress", "kunde@xn--bcher-kva.example");
            assertThatThrownBy(() -> b.message(EmailAddress.parse("josé@example.com"), text("x")))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.INVALID_RECIPIENT));
        }
    }

    @Nested
    @DisplayName("Signed parameters")
    class Signed {
        @Test
        @DisplayName("the common parameters are added with a second-precision UTC timestamp and a valid signature")
        void commonParameters() {
            SingleSendMail b = builder(config(Optional.empty(), false, Optional.empty()));
            Map<String, String> p = b.signed(b.message(TO, text("Your code is 123456.")));

            assertThat(p)
                    .containsEntry("AccessKeyId", "LTAI5tExampleId")
                    .containsEntry("Format", "JSON")
                    .containsEntry("RegionId", "ap-southeast-1")
                    .containsEntry("SignatureMethod", "HMAC-SHA1")
                    .containsEntry("SignatureNonce", "nonce-1")
                    .containsEntry("SignatureVersion", "1.0")
                    .containsEntry("Timestamp", "2026-03-01T08:09:10Z")
                    .containsEntry("Version", "2015-11-23");
            Map<String, String> unsigned = new java.util.TreeMap<>(p);
            String signature = unsigned.remove("Signature");
            assertThat(signature).isEqualTo(AliyunSignature.sign("POST", unsigned, "example-secret"));
        }

        @Test
        @DisplayName("every signing uses a fresh nonce, so a retried request is not refused as a replay")
        void freshNonce() {
            SingleSendMail b = builder(config(Optional.empty(), false, Optional.empty()));
            Map<String, String> message = b.message(TO, text("x"));

            Map<String, String> first = b.signed(message);
            Map<String, String> second = b.signed(message);

            assertThat(first.get("SignatureNonce")).isNotEqualTo(second.get("SignatureNonce"));
            assertThat(first.get("Signature")).isNotEqualTo(second.get("Signature"));
        }

        @Test
        @DisplayName("the form body is RFC 3986-encoded in name order")
        void form() {
            assertThat(SingleSendMail.form(new java.util.TreeMap<>(Map.of("b", "x y+z", "a", "验"))))
                    .isEqualTo("a=%E9%AA%8C&b=x%20y%2Bz");
        }
    }
}
