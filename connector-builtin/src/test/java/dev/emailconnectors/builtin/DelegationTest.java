package dev.emailconnectors.builtin;

import static dev.emailconnectors.builtin.Fixtures.CATALOG;
import static dev.emailconnectors.builtin.Fixtures.JSON;
import static dev.emailconnectors.builtin.Fixtures.branding;
import static dev.emailconnectors.builtin.Fixtures.fullPayload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.testkit.MapTemplateSource;
import dev.emailconnectors.testkit.RecordingSendListener;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Delivery through another connector")
class DelegationTest {
    private String tenant;

    @BeforeEach
    void reset() {
        RecordingProvider.SENT.clear();
        tenant = "t-" + UUID.randomUUID();
    }

    private static ObjectNode settings(String fromEmail) {
        ObjectNode s = JSON.createObjectNode().put("connector", "recording");
        s.putObject("config").put("fromEmail", "relay@operator.test").put("password", "relay-secret-42");
        if (fromEmail != null) {
            s.put("fromEmail", fromEmail);
        }
        return s;
    }

    private ConnectorContext context(ObjectNode settings) {
        return ConnectorContext.builder()
                .tenantId(tenant)
                .operatorSettings("builtin", settings)
                .build();
    }

    @Test
    @DisplayName("the delegate renders the built-in branded template, with the operator's fixed from-address")
    void brandedThroughDelegate() {
        SendResult result;
        try (EmailConnector c = CATALOG.create("builtin", branding(), context(settings("no-reply@acme.test")))) {
            result = c.sendMessage(TemplateType.FORGOT_PASSWORD, "user@example.com", fullPayload("pt-BR"));
        }
        assertThat(RecordingProvider.SENT).hasSize(1);
        RecordingProvider.Sent sent = RecordingProvider.SENT.get(0);
        assertThat(sent.to()).isEqualTo("user@example.com");
        assertThat(sent.from().address()).isEqualTo("no-reply@acme.test");
        assertThat(sent.from().displayName()).contains("Acme Cloud");
        assertThat(sent.email().subject()).isEqualTo("Redefina sua senha");
        assertThat(sent.email().content()).contains("493817").contains("Acme Cloud S.A.");
        assertThat(sent.tenantId()).isEqualTo(tenant);
        assertThat(result.connectorId()).isEqualTo("builtin");
        assertThat(result.providerMessageId()).contains("rec-1");
        assertThat(result.details()).containsEntry("deliveredBy", "recording").containsEntry("recorded", "yes");
    }

    @Test
    @DisplayName("without a fixed from-address the delegate's configured address is used with the sender name")
    void delegateAddress() {
        try (EmailConnector c = CATALOG.create("builtin", branding(), context(settings(null)))) {
            c.sendMessage(TemplateType.SIGN_IN, "user@example.com", fullPayload("en"));
        }
        RecordingProvider.Sent sent = RecordingProvider.SENT.get(0);
        assertThat(sent.from().address()).isEqualTo("relay@operator.test");
        assertThat(sent.from().displayName()).contains("Acme Cloud");
    }

    @Test
    @DisplayName("the host's per-locale template wins over the built-in one through the delegate too")
    void hostTemplateWins() {
        MapTemplateSource host = new MapTemplateSource()
                .put("fr", EmailTemplate.text(TemplateType.SIGN_IN, "Hôte {{code}}", "Code {{code}}"));
        ConnectorContext context =
                context(settings(null)).toBuilder().templateResolver(host).build();
        try (EmailConnector c = CATALOG.create("builtin", branding(), context)) {
            c.sendMessage(TemplateType.SIGN_IN, "user@example.com", fullPayload("fr-CA"));
            c.sendMessage(TemplateType.REGISTER, "user@example.com", fullPayload("fr-CA"));
        }
        assertThat(RecordingProvider.SENT.get(0).email().subject()).isEqualTo("Hôte 493817");
        assertThat(RecordingProvider.SENT.get(1).email().subject()).isEqualTo("Confirmez votre adresse e-mail");
    }

    @Test
    @DisplayName("the host's listener sees the built-in send once, not the delegate's as well")
    void listenerOnce() {
        RecordingSendListener listener = new RecordingSendListener();
        ConnectorContext context =
                context(settings(null)).toBuilder().listener(listener).build();
        try (EmailConnector c = CATALOG.create("builtin", branding(), context)) {
            c.sendMessage(TemplateType.SIGN_IN, "user@example.com", fullPayload("en"));
        }
        assertThat(listener.events()).containsExactly("start:builtin:SignIn", "success:builtin:SignIn");
    }

    @Test
    @DisplayName("a delegate failure keeps its error code; an unknown or misconfigured delegate fails creation")
    void failures() {
        ObjectNode failing = settings(null);
        ((ObjectNode) failing.get("config")).put("fail", "AUTHENTICATION_FAILED");
        try (EmailConnector c = CATALOG.create("builtin", branding(), context(failing))) {
            assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, "user@example.com", fullPayload("en")))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.AUTHENTICATION_FAILED));
        }
        ObjectNode unknown = JSON.createObjectNode().put("connector", "carrier-pigeon");
        unknown.putObject("config");
        assertThatThrownBy(() -> CATALOG.create("builtin", branding(), context(unknown)))
                .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
                    assertThat(e.getMessage()).contains("carrier-pigeon").contains("not on the class path");
                });
        ObjectNode invalid = JSON.createObjectNode().put("connector", "recording");
        invalid.putObject("config").put("password", "relay-secret-42");
        assertThatThrownBy(() -> CATALOG.create("builtin", branding(), context(invalid)))
                .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
                    assertThat(e.getMessage())
                            .contains("delivery connector 'recording'")
                            .contains("/fromEmail")
                            .doesNotContain("relay-secret-42");
                });
    }
}
