package dev.emailconnectors.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.testkit.MapTemplateSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Aliyun DirectMail connector: SingleSendMail over HTTP")
class AliyunSendTest {
    private static final ConnectorCatalog CATALOG = EmailConnectors.discover();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-04T03:02:01.500Z"), ZoneOffset.UTC);
    private static final Payload CODE = Payload.builder().code("123456").build();

    private AliyunPeer peer;

    @BeforeEach
    void start() {
        peer = new AliyunPeer();
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private SendResult send(ObjectNode config, EmailTemplate hostTemplate, Payload payload) {
        ConnectorContext.Builder context = ConnectorContext.builder().clock(CLOCK);
        if (hostTemplate != null) {
            context.templateResolver(new MapTemplateSource().put("", hostTemplate));
        }
        try (EmailConnector aliyun = CATALOG.create("aliyun", config, context.build())) {
            TemplateType type = hostTemplate == null ? TemplateType.SIGN_IN : hostTemplate.usageType();
            return aliyun.sendMessage(type, "user@example.com", payload);
        }
    }

    private EmailConnectorException failure(ObjectNode config) {
        return catchThrowableOfType(EmailConnectorException.class, () -> send(config, null, CODE));
    }

    private ObjectNode attempts(int maxAttempts) {
        ObjectNode config = peer.config();
        config.putObject("retry").put("maxAttempts", maxAttempts).put("initialDelay", 10);
        return config;
    }

    private Map<String, String> onlyForm() {
        assertThat(peer.calls()).hasSize(1);
        return peer.calls().get(0).form();
    }

    @Nested
    @DisplayName("The form body")
    class Form {
        @Test
        @DisplayName("a text template posts every SingleSendMail field, TextBody included, to the endpoint root")
        void textTemplate() {
            SendResult result = send(peer.config(), null, CODE);

            AliyunPeer.Call call = peer.calls().get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/");
            assertThat(call.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            Map<String, String> form = onlyForm();
            assertThat(form)
                    .containsEntry("Action", "SingleSendMail")
                    .containsEntry("AccessKeyId", AliyunPeer.ACCESS_KEY_ID)
                    .containsEntry("AccountName", "noreply@mail.example.com")
                    .containsEntry("AddressType", "1")
                    .containsEntry("ReplyToAddress", "false")
                    .containsEntry("ToAddress", "user@example.com")
                    .containsEntry("Subject", "SignIn code 123456")
                    .containsEntry("TextBody", "Your code is 123456.")
                    .containsEntry("Format", "JSON")
                    .containsEntry("RegionId", "cn-hangzhou")
                    .containsEntry("SignatureMethod", "HMAC-SHA1")
                    .containsEntry("SignatureVersion", "1.0")
                    .containsEntry("Version", "2015-11-23")
                    .containsEntry("Timestamp", "2026-05-04T03:02:01Z")
                    .containsKeys("SignatureNonce", "Signature")
                    .doesNotContainKeys("HtmlBody", "FromAlias", "TagName", "ReplyAddress");
            assertThat(form).hasSize(16);
            assertThat(result.providerMessageId()).hasValue("env-1");
            assertThat(result.details()).containsEntry("requestId", "req-1");
        }

        @Test
        @DisplayName("the signature verifies when recomputed from the received fields, and the secret is not sent")
        void signatureVerifies() {
            send(peer.config(), null, Payload.builder().code("a b+c*~%").build());

            Map<String, String> form = onlyForm();
            assertThat(form.get("Signature")).isEqualTo(AliyunPeer.expectedSignature(form, AliyunPeer.SECRET));
            assertThat(form.values()).noneMatch(v -> v.contains(AliyunPeer.SECRET));
        }

        @Test
        @DisplayName("a Logto configuration (no contentType) sends HtmlBody with the region's RegionId, as Logto did")
        void logtoParity() {
            ObjectNode config = peer.config().put("regionId", "ap-southeast-1");
            config.withArray("templates").forEach(t -> ((ObjectNode) t).remove("contentType"));
            send(config, null, CODE);

            assertThat(onlyForm())
                    .containsEntry("HtmlBody", "Your code is 123456.")
                    .containsEntry("RegionId", "ap-southeast-1")
                    .doesNotContainKey("TextBody");
        }

        @Test
        @DisplayName("sendFrom 'Foo {{applicationName}}' gives FromAlias 'Foo bar'; options become their fields")
        void aliasAndOptions() {
            ObjectNode config = peer.config()
                    .put("fromAlias", "Ignored")
                    .put("replyToAddress", true)
                    .put("tagName", "otp");
            EmailTemplate generic = EmailTemplate.html(
                            TemplateType.GENERIC, "Generic email", "Verification code is {{code}}")
                    .withSendFrom("Foo {{applicationName}}")
                    .withReplyTo("Support <support@example.com>");
            send(
                    config,
                    generic,
                    Payload.builder().code("1234").put("applicationName", "bar").build());

            assertThat(onlyForm())
                    .containsEntry("FromAlias", "Foo bar")
                    .containsEntry("Subject", "Generic email")
                    .containsEntry("HtmlBody", "Verification code is 1234")
                    .containsEntry("ReplyToAddress", "true")
                    .containsEntry("TagName", "otp")
                    .containsEntry("ReplyAddress", "support@example.com")
                    .containsEntry("ReplyAddressAlias", "Support");
        }

        @Test
        @DisplayName("the configured fromAlias is used when the template has no sendFrom")
        void configuredAlias() {
            send(peer.config().put("fromAlias", "Acme"), null, CODE);

            assertThat(onlyForm()).containsEntry("FromAlias", "Acme");
        }
    }

    @Nested
    @DisplayName("DirectMail errors")
    class Errors {
        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource({
            "400, Throttling.User,                    RATE_LIMITED,          true",
            "404, InvalidAccessKeyId.NotFound,        AUTHENTICATION_FAILED, false",
            "400, SignatureDoesNotMatch,              AUTHENTICATION_FAILED, false",
            "403, Forbidden.RAM,                      AUTHENTICATION_FAILED, false",
            "400, InvalidToAddress,                   INVALID_RECIPIENT,     false",
            "400, InvalidToAddress.Spam,              INVALID_RECIPIENT,     false",
            "404, InvalidMailAddress.NotFound,        INVALID_CONFIG,        false",
            "400, InvalidSendMail.Spam,               PROVIDER_REJECTED,     false",
            "400, MissingParameter,                   PROVIDER_REJECTED,     false",
            "500, InternalError,                      PROVIDER_UNAVAILABLE,  true",
            "503, ServiceUnavailable,                 PROVIDER_UNAVAILABLE,  true",
        })
        @DisplayName("an error body maps to its code, with the status, the Code and the RequestId on the exception")
        void mapping(int status, String code, ErrorCode expected, boolean retryable) {
            peer.always(AliyunPeer.error(status, code, "Explained by DirectMail."));

            EmailConnectorException e = failure(attempts(1));

            assertThat(e.code()).isEqualTo(expected);
            assertThat(e.retryable()).isEqualTo(retryable);
            assertThat(e.providerStatus()).hasValue(status);
            assertThat(e.providerErrorCode()).hasValue(code);
            assertThat(e.providerRequestId()).hasValue("req-" + code);
            assertThat(e.connectorId()).hasValue("aliyun");
            assertThat(e.getMessage()).contains("Explained by DirectMail.").doesNotContain(AliyunPeer.SECRET);
        }

        @Test
        @DisplayName("a throttled message is sent at most retry.maxAttempts times, each attempt freshly signed")
        void throttlingRetried() {
            peer.always(AliyunPeer.error(400, "Throttling.User", "Request was denied due to user flow control."));

            EmailConnectorException e = failure(attempts(3));

            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(peer.calls()).hasSize(3);
            assertThat(peer.calls())
                    .extracting(c -> c.form().get("SignatureNonce"))
                    .doesNotHaveDuplicates();
            assertThat(peer.calls()).allSatisfy(c -> assertThat(c.form().get("Signature"))
                    .isEqualTo(AliyunPeer.expectedSignature(c.form(), AliyunPeer.SECRET)));
        }

        @Test
        @DisplayName("a rejection is sent once; a throttle followed by success is accepted")
        void retryOnlyWhatMayPass() {
            peer.always(AliyunPeer.error(400, "InvalidToAddress", "The specified toAddress is wrongly formed."));
            failure(attempts(3));
            assertThat(peer.calls()).hasSize(1);

            peer.reset();
            peer.then(AliyunPeer.error(400, "Throttling", "Request was denied due to request throttling."));
            SendResult result = send(attempts(3), null, CODE);
            assertThat(peer.calls()).hasSize(2);
            assertThat(result.providerMessageId()).hasValue("env-1");
        }

        @Test
        @DisplayName("a success answer that is not JSON, or has no EnvId, is INVALID_RESPONSE")
        void invalidSuccess() {
            peer.always(new MockResponse.Builder().code(200).body("<xml/>").build());
            assertThat(failure(attempts(1)).code()).isEqualTo(ErrorCode.INVALID_RESPONSE);

            peer.always(AliyunPeer.json(200, "{\"RequestId\":\"req-x\"}"));
            EmailConnectorException e = failure(attempts(1));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RESPONSE);
            assertThat(e.providerRequestId()).hasValue("req-x");
        }
    }
}
