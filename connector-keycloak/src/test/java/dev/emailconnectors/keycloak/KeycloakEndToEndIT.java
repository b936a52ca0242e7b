package dev.emailconnectors.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The provider in a real Keycloak: the server distribution the build unpacked, started once for all these tests in
 * dev mode on 127.0.0.1, a realm configured through the admin REST API, Keycloak's own flows sending mail, and the
 * messages checked at a loopback SMTP peer (GreenMail) and HTTP peer (MockWebServer).
 */
@DisplayName("Keycloak with the email-connectors sender")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakEndToEndIT {
    private static final String REALM = "acme";
    private static final String WEBHOOK_SECRET = "Bearer kc-e2e-7Rq4-webhook-secret";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private static GreenMail smtp;
    private static MockWebServer webhook;
    private static KeycloakServer keycloak;
    private static KeycloakAdmin admin;
    private static String aliceId;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        webhook = new MockWebServer();
        webhook.start(InetAddress.getByName("127.0.0.1"), 0);
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Path vault = Files.createDirectories(target.resolve("keycloak-vault"));
        Files.writeString(vault.resolve(REALM + "_webhook-auth"), WEBHOOK_SECRET);
        List<Path> providers = new ArrayList<>();
        providers.add(Path.of(System.getProperty("provider.jar")));
        try (Stream<Path> jars = Files.list(target.resolve("keycloak-providers"))) {
            jars.forEach(providers::add);
        }
        keycloak = KeycloakServer.start(
                Path.of(System.getProperty("keycloak.home")),
                Path.of(System.getProperty("keycloak.java.home")),
                providers,
                vault,
                List.of("--spi-email-sender--email-connectors--network-policy=allow-all"));
        admin = new KeycloakAdmin(keycloak.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
        if (webhook != null) {
            webhook.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @BeforeEach
    void purge() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    private static Map<String, Object> smtpSettings() {
        return Map.of(
                "host", "127.0.0.1",
                "port", String.valueOf(smtp.getSmtp().getPort()),
                "from", "noreply@acme.test",
                "fromDisplayName", "Acme");
    }

    private static MimeMessage awaitMail() throws InterruptedException {
        assertThat(smtp.waitForIncomingEmail(Duration.ofSeconds(30).toMillis(), 1))
                .as("a message at the SMTP peer")
                .isTrue();
        return smtp.getReceivedMessages()[0];
    }

    private static RecordedRequest awaitWebhook() throws InterruptedException {
        RecordedRequest request = webhook.takeRequest(30, TimeUnit.SECONDS);
        assertThat(request).as("a request at the HTTP peer").isNotNull();
        return request;
    }

    @Test
    @Order(1)
    @DisplayName("a realm with only the Email tab's SMTP fields sends 'execute actions' through the smtp connector")
    void smtpFromTheEmailTab() throws Exception {
        ObjectNode realm = KeycloakAdmin.JSON
                .createObjectNode()
                .put("realm", REALM)
                .put("enabled", true)
                .put("resetPasswordAllowed", true);
        realm.set("smtpServer", KeycloakAdmin.JSON.valueToTree(smtpSettings()));
        assertThat(admin.post("/realms", realm).status()).isEqualTo(201);
        KeycloakAdmin.Answer created = admin.post(
                "/realms/" + REALM + "/users",
                Map.of("username", "alice", "email", "alice@acme.test", "enabled", true, "firstName", "Alice"));
        assertThat(created.status()).isEqualTo(201);
        aliceId = created.location().substring(created.location().lastIndexOf('/') + 1);

        KeycloakAdmin.Answer sent = admin.put(
                "/realms/" + REALM + "/users/" + aliceId + "/execute-actions-email", List.of("UPDATE_PASSWORD"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(204);

        MimeMessage mail = awaitMail();
        assertThat(mail.getAllRecipients()[0]).hasToString("alice@acme.test");
        assertThat(mail.getFrom()[0]).hasToString("Acme <noreply@acme.test>");
        assertThat(mail.getSubject()).isEqualTo("Update Your Account");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("/realms/" + REALM + "/login-actions/action-token?key=");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
    }

    @Test
    @Order(2)
    @DisplayName("a user's 'forgot password' on the login page mails the reset link")
    void forgotPassword() throws Exception {
        KeycloakAdmin.Answer page =
                admin.browse("/realms/" + REALM + "/login-actions/reset-credentials?client_id=account-console");
        assertThat(page.status()).isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(page.body());
        assertThat(action.find()).as("the reset form").isTrue();

        KeycloakAdmin.Answer submitted = admin.form(action.group(1).replace("&amp;", "&"), Map.of("username", "alice"));
        assertThat(submitted.status()).isIn(200, 302);

        MimeMessage mail = awaitMail();
        assertThat(mail.getSubject()).isEqualTo("Reset password");
        assertThat(GreenMailUtil.getBody(mail)).contains("/login-actions/action-token?key=");
    }

    @Test
    @Order(3)
    @DisplayName("switching the realm to failover (dead SMTP, then the HTTP webhook) takes effect without a restart")
    void failoverWithoutRestart() throws Exception {
        webhook.enqueue(new MockResponse(200, Headers.of(), ""));
        String failover =
                """
                {"connectors": [
                  {"id": "smtp", "name": "relay", "config": {"host": "127.0.0.1", "port": %d, "fromEmail": "noreply@acme.test"}},
                  {"id": "http", "name": "webhook", "config": {"endpoint": "http://127.0.0.1:%d/keycloak",
                   "authorization": "${vault.webhook-auth}"}}]}
                """
                        .formatted(KeycloakServer.freePort(), webhook.getPort());
        KeycloakAdmin.Answer saved =
                updateEmailSettings(Map.of("from", "noreply@acme.test", "emailConnector", "failover"), failover);
        assertThat(saved.status()).as(saved.body()).isEqualTo(204);

        assertThat(admin.put("/realms/" + REALM + "/users/" + aliceId + "/send-verify-email", "")
                        .status())
                .isEqualTo(204);

        RecordedRequest request = awaitWebhook();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(WEBHOOK_SECRET);
        JsonNode body = KeycloakAdmin.JSON.readTree(request.getBody().utf8());
        assertThat(body.path("to").asText()).isEqualTo("alice@acme.test");
        assertThat(body.at("/content/subject").asText()).isEqualTo("Verify email");
        assertThat(body.at("/content/html").asText()).contains("/login-actions/action-token?key=");
        assertThat(body.at("/content/text").asText()).contains("/login-actions/action-token?key=");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("'Test connection' sends Keycloak's test message through the realm's connector")
    void testConnection() throws Exception {
        JsonNode master = admin.get("/realms/master/users?username=" + KeycloakServer.ADMIN + "&exact=true")
                .json()
                .get(0);
        ObjectNode withEmail = ((ObjectNode) master).put("email", "admin@acme.test");
        assertThat(admin.put("/realms/master/users/" + master.path("id").asText(), withEmail)
                        .status())
                .isEqualTo(204);
        webhook.enqueue(new MockResponse(200, Headers.of(), ""));
        JsonNode settings = admin.get("/realms/" + REALM).json().path("smtpServer");

        KeycloakAdmin.Answer tested = admin.post("/realms/" + REALM + "/testSMTPConnection", settings);
        assertThat(tested.status()).as(tested.body()).isEqualTo(204);
        JsonNode body = KeycloakAdmin.JSON.readTree(awaitWebhook().getBody().utf8());
        assertThat(body.path("to").asText()).isEqualTo("admin@acme.test");
        assertThat(body.at("/content/subject").asText()).contains("SMTP test message");

        ObjectNode unknown = ((ObjectNode) settings.deepCopy()).put("emailConnector", "carrier-pigeon");
        KeycloakAdmin.Answer failed = admin.post("/realms/" + REALM + "/testSMTPConnection", unknown);
        assertThat(failed.status()).isEqualTo(500);
    }

    @Test
    @Order(5)
    @DisplayName("secrets stay out of the realm: a plain secret is refused, the realm, its export and the log hold"
            + " only the vault reference")
    void secretsStayOut() throws Exception {
        KeycloakAdmin.Answer unknown = updateEmailSettings(Map.of("emailConnector", "carrier-pigeon"), null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("/emailConnector: 'carrier-pigeon' is not available");

        String plain = "{\"endpoint\": \"http://127.0.0.1:" + webhook.getPort() + "/x\", \"authorization\": \""
                + WEBHOOK_SECRET + "\"}";
        Map<String, String> http = Map.of("from", "noreply@acme.test", "emailConnector", "http");
        assertThat(updateEmailSettings(http, plain).status()).isEqualTo(204);
        KeycloakAdmin.Answer refused = admin.put("/realms/" + REALM + "/users/" + aliceId + "/send-verify-email", "");
        assertThat(refused.status()).isEqualTo(500);
        assertThat(keycloak.log())
                .contains("/emailConnectorConfig/authorization: is a secret")
                .contains("${vault.NAME}");

        String referenced = plain.replace(WEBHOOK_SECRET, "${vault.webhook-auth}");
        assertThat(updateEmailSettings(http, referenced).status()).isEqualTo(204);
        String realm = admin.get("/realms/" + REALM).body();
        String export = admin.post("/realms/" + REALM + "/partial-export?exportClients=true", "")
                .body();
        for (String text : List.of(realm, export, keycloak.log())) {
            assertThat(text).doesNotContain(WEBHOOK_SECRET).doesNotContain("kc-e2e-7Rq4");
        }
        assertThat(export).contains("${vault.webhook-auth}");
        assertThat(webhook.getRequestCount())
                .as("no request with the plain secret")
                .isEqualTo(2);
    }

    private static KeycloakAdmin.Answer updateEmailSettings(Map<String, String> settings, String connectorConfig) {
        ObjectNode realm = (ObjectNode) admin.get("/realms/" + REALM).json();
        realm.set("smtpServer", KeycloakAdmin.JSON.valueToTree(settings));
        ObjectNode attributes = realm.withObjectProperty("attributes");
        if (connectorConfig != null) {
            attributes.put(RealmMailSettings.CONFIG, connectorConfig);
        }
        return admin.put("/realms/" + REALM, realm);
    }
}
