package dev.emailconnectors.builtin;

import static dev.emailconnectors.builtin.Fixtures.CATALOG;
import static dev.emailconnectors.builtin.Fixtures.JSON;
import static dev.emailconnectors.builtin.Fixtures.branding;
import static dev.emailconnectors.builtin.Fixtures.fullPayload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Delivery through the SMTP connector to GreenMail")
class SmtpDeliveryTest {
    private static final String USER = "relay@operator.test";
    private static final String PASS = "relay-Pa55-word";

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASS));

    /** The operator's relay: plain SMTP on loopback (TLS explicitly off), login, no templates. */
    private static ObjectNode delivery(String pass) {
        ObjectNode settings = JSON.createObjectNode().put("connector", "smtp").put("fromEmail", "no-reply@acme.test");
        ObjectNode smtp = settings.putObject("config")
                .put("host", "127.0.0.1")
                .put("port", GREENMAIL.getSmtp().getPort())
                .put("ignoreTLS", true)
                .put("fromEmail", "relay@operator.test");
        smtp.putObject("auth").put("type", "login").put("user", USER).put("pass", pass);
        return settings;
    }

    private static ConnectorContext context(ObjectNode settings) {
        return ConnectorContext.builder()
                .tenantId("smtp-" + UUID.randomUUID())
                .operatorSettings("builtin", settings)
                .build();
    }

    private static String part(MimeMessage m, String type) throws Exception {
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.isMimeType(type)) {
                return (String) p.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    @Test
    @DisplayName("the branded, localized message arrives with the operator's address and the tenant's sender name")
    void arrives() throws Exception {
        SendResult result;
        try (EmailConnector c = CATALOG.create("builtin", branding(), context(delivery(PASS)))) {
            result = c.sendMessage(TemplateType.SIGN_IN, "user@example.com", fullPayload("fr-CA"));
        }
        assertThat(result.connectorId()).isEqualTo("builtin");
        assertThat(result.details()).containsEntry("deliveredBy", "smtp");
        assertThat(GREENMAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage m = GREENMAIL.getReceivedMessages()[0];
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@acme.test");
        assertThat(from.getPersonal()).isEqualTo("Acme Cloud");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("user@example.com");
        assertThat(m.getSubject()).isEqualTo("Votre code de connexion");
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        assertThat(part(m, "text/plain")).contains("493817");
        assertThat(part(m, "text/html"))
                .contains("493817")
                .contains("Acme Cloud S.A.")
                .contains("<html lang=\"fr\"");
    }

    @Test
    @DisplayName("an organization name with <script> arrives escaped through SMTP too")
    void escaped() throws Exception {
        try (EmailConnector c = CATALOG.create("builtin", branding(), context(delivery(PASS)))) {
            c.sendMessage(
                    TemplateType.ORGANIZATION_INVITATION,
                    "user@example.com",
                    Payload.builder()
                            .link("https://auth.example.com/i/1")
                            .put("organization", java.util.Map.of("name", "<script>alert(1)</script>"))
                            .build());
        }
        assertThat(GREENMAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        String html = part(GREENMAIL.getReceivedMessages()[0], "text/html");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    @DisplayName("a refused password surfaces as the SMTP connector's AUTHENTICATION_FAILED, without the password")
    void authenticationFails() {
        try (EmailConnector c = CATALOG.create("builtin", branding(), context(delivery("wrong-Pa55-word")))) {
            assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, "user@example.com", fullPayload("en")))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
                        assertThat(e.getMessage()).doesNotContain("wrong-Pa55-word");
                    });
        }
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }
}
