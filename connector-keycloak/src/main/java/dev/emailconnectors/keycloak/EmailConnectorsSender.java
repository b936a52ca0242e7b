package dev.emailconnectors.keycloak;

import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.Payload;
import dev.emailconnectors.RenderedContent;
import dev.emailconnectors.SendRequest;
import dev.emailconnectors.TemplateType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.vault.VaultStringSecret;

/**
 * Sends one Keycloak session's messages: the subject, text and HTML Keycloak rendered from the realm's email theme go
 * out as given ({@link RenderedContent}) through the realm's connector. Keycloak's "Test connection" passes the Email
 * tab's unsaved settings, which get a connector for that one message.
 */
final class EmailConnectorsSender implements EmailSenderProvider {
    private static final String MASKED = "**********";

    private final KeycloakSession session;
    private final RealmConnectors connectors;

    EmailConnectorsSender(KeycloakSession session, RealmConnectors connectors) {
        this.session = session;
        this.connectors = connectors;
    }

    @Override
    public void send(Map<String, String> config, String address, String subject, String textBody, String htmlBody)
            throws EmailException {
        RealmModel realm = session.getContext().getRealm();
        Map<String, String> stored = realm.getSmtpConfig();
        RealmConnectors.Prepared prepared = connectors.prepare(
                config, realm.getAttribute(RealmMailSettings.CONFIG), password(config, stored), this::vault);
        RenderedContent content = RenderedContent.of(subject == null ? "" : subject, textBody, htmlBody)
                .withReplyTo(prepared.settings().replyTo().orElse(null))
                .withSendFrom(prepared.settings().sendFrom().orElse(null));
        SendRequest request = SendRequest.builder(TemplateType.GENERIC, address, Payload.empty())
                .content(content)
                .build();
        try {
            connectors.send(realm.getId(), realm.getName(), prepared, Objects.equals(config, stored), request);
        } catch (EmailConnectorException e) {
            throw new EmailException(e.getMessage(), e);
        }
    }

    /**
     * Checks the email settings when a realm is saved. The connector's JSON lives in a realm attribute that the same
     * request may change, so it is checked when a message is sent (and by "Test connection"), not here.
     */
    @Override
    public void validate(Map<String, String> config) throws EmailException {
        RealmModel realm = session.getContext().getRealm();
        Map<String, String> stored = realm == null ? Map.of() : realm.getSmtpConfig();
        List<ConfigViolation> problems = connectors.check(config, password(config, stored), this::vault);
        if (!problems.isEmpty()) {
            throw new EmailException(RealmConnectors.describe("the realm's email settings", problems));
        }
    }

    /** The Email tab's password; the stored one when the admin console sent it masked. */
    private static String password(Map<String, String> config, Map<String, String> stored) {
        String password = config.get("password");
        return MASKED.equals(password) && stored != null ? stored.get("password") : password;
    }

    private Optional<String> vault(String expression) {
        try (VaultStringSecret secret = session.vault().getStringSecret(expression)) {
            return secret.get();
        }
    }

    @Override
    public void close() {}
}
