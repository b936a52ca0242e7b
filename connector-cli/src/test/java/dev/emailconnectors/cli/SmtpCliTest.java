package dev.emailconnectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("email-connectors command line with the SMTP connector and GreenMail")
class SmtpCliTest {
    private static final String USER = "mailer@example.com";
    private static final String PASS = "Cli-Pa55-word-4711";

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASS));

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("emailconnectors.builtin.delivery");
    }

    private String smtpConfig() {
        return "{\"host\":\"127.0.0.1\",\"port\":" + GREENMAIL.getSmtp().getPort() + ",\"ignoreTLS\":true,"
                + "\"auth\":{\"type\":\"login\",\"user\":\"" + USER + "\",\"pass\":\"${env:SMTP_PASS}\"},"
                + "\"fromEmail\":\"noreply@example.com\","
                + "\"templates\":[{\"usageType\":\"Register\",\"subject\":\"R {{code}}\",\"content\":\"{{code}}\"},"
                + "{\"usageType\":\"SignIn\",\"subject\":\"S {{code}}\",\"content\":\"{{code}}\"},"
                + "{\"usageType\":\"ForgotPassword\",\"subject\":\"F {{code}}\",\"content\":\"{{code}}\"},"
                + "{\"usageType\":\"Generic\",\"subject\":\"Code {{code}}\",\"content\":\"Your code is {{code}}\"}]}";
    }

    @Test
    @DisplayName("test runs the SMTP connection check: exit 0 with the right password, 1 and the code with a wrong one")
    void connectionCheck() throws Exception {
        Path config = Files.writeString(dir.resolve("smtp.json"), smtpConfig());
        Cli.Result ok = new Cli().env("SMTP_PASS", PASS).run("test", "smtp", "--config", config.toString());
        assertThat(ok.exitCode()).as(ok.all()).isZero();
        assertThat(ok.out()).contains("Connection check passed");
        Cli.Result bad =
                new Cli().env("SMTP_PASS", "Wrong-Pa55-word-0815").run("test", "smtp", "--config", config.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("error: authentication_failed");
        assertThat(bad.all()).doesNotContain("Wrong-Pa55-word-0815");
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("send through smtp delivers, with the secret resolved from the environment and never printed")
    void sendSmtp() throws Exception {
        Path config = Files.writeString(dir.resolve("smtp.json"), smtpConfig());
        Cli.Result r = new Cli()
                .env("SMTP_PASS", PASS)
                .run("send", "smtp", "--config", config.toString(), "--to", "you@example.com", "--code", "777111");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.all()).doesNotContain(PASS);
        assertThat(GREENMAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage m = GREENMAIL.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("Code 777111");
    }

    @Test
    @DisplayName("an invalid SMTP configuration prints every violation and not the password")
    void invalidSmtp() throws Exception {
        Path config = Files.writeString(
                dir.resolve("bad.json"),
                "{\"host\":\"\",\"port\":\"25\",\"auth\":{\"user\":\"u\",\"pass\":\"" + PASS + "\"},\"colour\":1}");
        Cli.Result r = new Cli().run("validate", "smtp", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains("/colour")
                .contains("/fromEmail")
                .contains("/port")
                .contains("/templates");
        assertThat(r.all()).doesNotContain(PASS);
    }

    @Test
    @DisplayName("the built-in service delivers through SMTP when the operator says so")
    void builtinThroughSmtp() throws Exception {
        String settings = "{\"connector\":\"smtp\",\"fromEmail\":\"no-reply@acme.test\",\"config\":"
                + smtpConfig().replace("${env:SMTP_PASS}", PASS) + "}";
        System.setProperty("emailconnectors.builtin.delivery", settings);
        Path brand = Files.writeString(dir.resolve("brand.json"), "{\"senderName\":\"Acme\"}");
        Cli.Result r = new Cli()
                .run(
                        "send",
                        "--config",
                        brand.toString(),
                        "--to",
                        "you@example.com",
                        "--template",
                        "Register",
                        "--json");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.json().at("/details/deliveredBy").asText()).isEqualTo("smtp");
        assertThat(GREENMAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage m = GREENMAIL.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("Confirm your email address");
        assertThat(m.getFrom()[0].toString()).isEqualTo("Acme <no-reply@acme.test>");
    }
}
