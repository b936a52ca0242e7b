package dev.emailconnectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("email-connectors command line")
class CliTest {
    private static final String SECRET = "s3cr3t-Value-9f8e7d";

    @TempDir
    Path dir;

    private Path outbox;

    @BeforeEach
    void outbox() {
        outbox = dir.resolve("outbox");
        System.setProperty("emailconnectors.outbox", outbox.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("emailconnectors.outbox");
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    /** The parts of an .eml file: subject, text and HTML. */
    private static List<String> parse(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            List<String> out = new ArrayList<>();
            out.add(m.getSubject());
            Multipart parts = (Multipart) m.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart p = parts.getBodyPart(i);
                out.add(p.getContentType().split(";")[0] + "\n" + p.getContent());
            }
            return out;
        }
    }

    private static Path writtenFile(String out) {
        Matcher m = Pattern.compile("Written to (\\S+\\.eml)").matcher(out);
        assertThat(m.find()).as("output names the .eml file: %s", out).isTrue();
        return Path.of(m.group(1));
    }

    @Nested
    @DisplayName("every command")
    class Every {
        @ParameterizedTest
        @ValueSource(strings = {"list", "describe", "validate", "send", "preview", "test"})
        @DisplayName("has --help, which exits 0")
        void help(String command) {
            Cli.Result r = new Cli().run(command, "--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Usage: email-connectors " + command).contains("--json");
        }

        @Test
        @DisplayName("the root command lists the commands and the exit codes")
        void root() {
            Cli.Result r = new Cli().run("--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out())
                    .contains("list", "describe", "validate", "send", "preview", "test")
                    .contains("2  bad usage or invalid configuration");
            assertThat(new Cli().run("--version").out()).contains("email-connectors");
        }

        @Test
        @DisplayName("an unknown command or option is bad usage: exit 2")
        void badUsage() {
            assertThat(new Cli().run("frobnicate").exitCode()).isEqualTo(2);
            assertThat(new Cli().run("list", "--colour").exitCode()).isEqualTo(2);
            Cli.Result missing = new Cli().run("send");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("--to");
        }
    }

    @Nested
    @DisplayName("list")
    class ListCmd {
        @Test
        @DisplayName("shows id, aliases and name of each connector")
        void human() {
            Cli.Result r = new Cli().run("list");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out())
                    .contains("ID")
                    .contains("ALIASES")
                    .containsPattern("builtin\\s+logto-email\\s+Built-in");
        }

        @Test
        @DisplayName("--json gives an array of connectors")
        void json() {
            JsonNode j = new Cli().run("list", "--json").json();
            assertThat(j.get("ok").asBoolean()).isTrue();
            List<String> ids = new ArrayList<>();
            j.get("connectors").forEach(c -> ids.add(c.get("id").asText()));
            assertThat(ids).contains("builtin");
        }
    }

    @Nested
    @DisplayName("describe")
    class Describe {
        @Test
        @DisplayName("shows metadata, the configuration fields and the JSON Schema")
        void human() {
            Cli.Result r = new Cli().run("describe", "logto-email");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out())
                    .contains("builtin - Built-in email service")
                    .contains("senderName (string)")
                    .contains("appSecret (string, secret)")
                    .contains("\"$schema\"");
        }

        @Test
        @DisplayName("--json includes the schema; an unknown id exits 2 naming the available ones")
        void jsonAndUnknown() {
            JsonNode j = new Cli().run("describe", "builtin", "--json").json();
            assertThat(j.at("/configSchema/properties/senderName/type").asText())
                    .isEqualTo("string");
            assertThat(j.get("secretFields").toString()).contains("/appSecret");
            Cli.Result unknown = new Cli().run("describe", "carrier-pigeon");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err()).contains("not_configured").contains("builtin");
        }
    }

    @Nested
    @DisplayName("validate")
    class Validate {
        @Test
        @DisplayName("prints valid and exits 0 for a valid configuration, from a file or standard input")
        void valid() throws Exception {
            Path config = file("ok.json", "{\"senderName\":\"Acme\",\"appSecret\":\"${env:APP_SECRET}\"}");
            Cli.Result r =
                    new Cli().env("APP_SECRET", SECRET).run("validate", "builtin", "--config", config.toString());
            assertThat(r.exitCode()).isZero();
            assertThat(r.out().trim()).isEqualTo("valid");
            Cli.Result stdin =
                    new Cli().stdin("{\"primaryColor\":\"#112233\"}").run("validate", "builtin", "--config", "-");
            assertThat(stdin.exitCode()).isZero();
            assertThat(stdin.out().trim()).isEqualTo("valid");
        }

        @Test
        @DisplayName("an invalid configuration prints every violation with its path, no secret, and exits 2")
        void invalid() throws Exception {
            Path config = file(
                    "bad.json",
                    "{\"senderName\":\"see www.example.org\",\"companyInformation\":\"acme.io\","
                            + "\"primaryColor\":\"${env:APP_SECRET}\",\"appSecret\":\"" + SECRET + "\","
                            + "\"appLogo\":\"http://x.example/logo.png\",\"colour\":\"red\"}");
            Cli.Result r =
                    new Cli().env("APP_SECRET", SECRET).run("validate", "builtin", "--config", config.toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err())
                    .contains("has 5 problems")
                    .contains("/appLogo: ")
                    .contains("/colour: ")
                    .contains("/companyInformation: URL is not allowed in company information.")
                    .contains("/primaryColor: ")
                    .contains("/senderName: URL is not allowed in sender name.");
            assertThat(r.all()).doesNotContain(SECRET);
            JsonNode j = new Cli()
                    .env("APP_SECRET", SECRET)
                    .run("validate", "builtin", "--config", config.toString(), "--json")
                    .json();
            assertThat(j.get("valid").asBoolean()).isFalse();
            assertThat(j.get("violations")).hasSize(5);
            assertThat(j.toString()).doesNotContain(SECRET);
        }

        @Test
        @DisplayName("a missing secret reference is a clear error, exit 2, listing each one")
        void missingReference() throws Exception {
            Path config = file(
                    "refs.json",
                    "{\"appSecret\":\"${env:NOPE_NOT_SET}\",\"appId\":\"${file:" + dir.resolve("absent.txt") + "}\"}");
            Cli.Result r = new Cli().run("validate", "builtin", "--config", config.toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err())
                    .contains("unresolved secret references")
                    .contains("/appSecret: environment variable 'NOPE_NOT_SET' is not set")
                    .contains("/appId: secret file");
        }

        @Test
        @DisplayName("a file reference is read (without its trailing newline) and never printed")
        void fileReference() throws Exception {
            Path secret = file("secret.txt", SECRET + "\n");
            Path config = file("f.json", "{\"primaryColor\":\"${file:" + secret + "}\"}");
            Cli.Result r = new Cli().run("validate", "builtin", "--config", config.toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("/primaryColor").doesNotContain(SECRET);
        }

        @Test
        @DisplayName("a file that is not a JSON object exits 2")
        void notJson() throws Exception {
            Cli.Result r = new Cli()
                    .run(
                            "validate",
                            "builtin",
                            "--config",
                            file("x.json", "[1,2]").toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("must be a JSON object");
            assertThat(new Cli()
                            .run(
                                    "validate",
                                    "builtin",
                                    "--config",
                                    dir.resolve("nope.json").toString())
                            .exitCode())
                    .isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("send")
    class Send {
        @Test
        @DisplayName("with only --to and --template, the built-in outbox gets an .eml with the code in both parts")
        void readmeCommand() throws Exception {
            Cli.Result r = new Cli().run("send", "--to", "you@example.com", "--template", "SignIn");
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.out()).contains("Accepted by builtin").containsPattern("Code: \\d{6}");
            String code = r.out().replaceAll("(?s).*Code: (\\d{6}).*", "$1");
            Path eml = writtenFile(r.out());
            assertThat(eml).startsWith(outbox.toAbsolutePath());
            List<String> parts = parse(eml);
            assertThat(parts.get(0)).isEqualTo("Your sign-in code");
            assertThat(parts.get(1)).startsWith("text/plain").contains(code);
            assertThat(parts.get(2)).startsWith("text/html").contains(code);
        }

        @Test
        @DisplayName("--code, --locale, dotted --var and --payload build the payload; --json prints the result")
        void payloadOptions() throws Exception {
            Path payload = file("payload.json", "{\"inviter\":{\"name\":\"Ada\"},\"link\":\"https://a.example/i\"}");
            Cli.Result r = new Cli()
                    .run(
                            "send",
                            "builtin",
                            "--to",
                            "you@example.com",
                            "--template",
                            "organization-invitation",
                            "--code",
                            "424242",
                            "--locale",
                            "es-MX",
                            "--var",
                            "organization.name=Globex",
                            "--payload",
                            payload.toString(),
                            "--json");
            assertThat(r.exitCode()).as(r.all()).isZero();
            JsonNode j = r.json();
            assertThat(j.get("connectorId").asText()).isEqualTo("builtin");
            assertThat(j.has("code")).isFalse();
            List<String> parts = parse(Path.of(j.at("/details/outboxFile").asText()));
            assertThat(parts.get(0)).isEqualTo("Te han invitado a unirte a Globex");
            assertThat(parts.get(1))
                    .contains("Ada te ha invitado")
                    .contains("424242")
                    .contains("https://a.example/i");
        }

        @Test
        @DisplayName("a failed send exits 1 and prints the error code")
        void failure() throws Exception {
            Path blocker = file("blocker", "not a directory");
            System.setProperty("emailconnectors.outbox", blocker.toString());
            Cli.Result r = new Cli().run("send", "--to", "you@example.com");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("error: provider_unavailable").contains("retryable: yes");
            JsonNode j =
                    new Cli().run("send", "--to", "you@example.com", "--json").json();
            assertThat(j.at("/error/code").asText()).isEqualTo("provider_unavailable");
        }

        @Test
        @DisplayName("bad input exits 2: recipient, template type, --var, invalid configuration")
        void badInput() throws Exception {
            assertThat(new Cli().run("send", "--to", "not-an-address").exitCode())
                    .isEqualTo(2);
            Cli.Result type = new Cli().run("send", "--to", "a@example.com", "--template", "Welcome");
            assertThat(type.exitCode()).isEqualTo(2);
            assertThat(type.err()).contains("unknown template type 'Welcome'");
            assertThat(new Cli()
                            .run("send", "--to", "a@example.com", "--var", "novalue")
                            .exitCode())
                    .isEqualTo(2);
            Path bad = file("bad.json", "{\"primaryColor\":\"blue\"}");
            Cli.Result invalid = new Cli().run("send", "--to", "a@example.com", "--config", bad.toString());
            assertThat(invalid.exitCode()).isEqualTo(2);
            assertThat(invalid.err()).contains("/primaryColor");
            assertThat(Files.exists(outbox)).isFalse();
        }
    }

    @Nested
    @DisplayName("preview")
    class Preview {
        @Test
        @DisplayName("writes subject, HTML and text files and reports that every placeholder was filled")
        void writesFiles() throws Exception {
            Path config = file("brand.json", "{\"senderName\":\"Acme\",\"primaryColor\":\"#0E7C66\"}");
            Path out = dir.resolve("preview");
            Cli.Result r = new Cli()
                    .run(
                            "preview",
                            "builtin",
                            "--config",
                            config.toString(),
                            "--template",
                            "SignIn",
                            "--link",
                            "https://a.example/x",
                            "--out",
                            out.toString());
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.out()).contains("Every placeholder was filled.");
            assertThat(Files.readString(out.resolve("subject.txt")).trim()).isEqualTo("Your sign-in code");
            assertThat(Files.readString(out.resolve("body.html")))
                    .contains("123456")
                    .contains("Acme");
            assertThat(Files.readString(out.resolve("body.txt"))).contains("123456");
        }

        @Test
        @DisplayName("an invalid configuration or a missing --out exits 2")
        void badUsage() throws Exception {
            Path bad = file("bad.json", "{\"senderName\":\"www.phish.example\"}");
            Cli.Result invalid = new Cli()
                    .run(
                            "preview",
                            "builtin",
                            "--config",
                            bad.toString(),
                            "--template",
                            "SignIn",
                            "--out",
                            dir.toString());
            assertThat(invalid.exitCode()).isEqualTo(2);
            assertThat(invalid.err()).contains("/senderName: URL is not allowed in sender name.");
            assertThat(new Cli()
                            .run("preview", "builtin", "--template", "SignIn")
                            .exitCode())
                    .isEqualTo(2);
        }

        @Test
        @DisplayName("lists unresolved placeholders; --json too")
        void unresolved() throws Exception {
            StringBuilder templates = new StringBuilder();
            for (String type : new String[] {"Register", "SignIn", "ForgotPassword", "Generic"}) {
                templates
                        .append(templates.length() == 0 ? "" : ",")
                        .append("{\"usageType\":\"")
                        .append(type)
                        .append("\",\"contentType\":\"text/html\",\"subject\":\"Hi {{organization.name}}\",")
                        .append("\"content\":\"<p>{{code}}</p><a href=\\\"{{link}}\\\">Open</a>\"}");
            }
            Path config = file(
                    "smtp.json",
                    "{\"host\":\"127.0.0.1\",\"port\":2525,\"fromEmail\":\"noreply@example.com\"," + "\"templates\":["
                            + templates + "]}");
            Path out = dir.resolve("p2");
            Cli.Result r = new Cli()
                    .run(
                            "preview",
                            "smtp",
                            "--config",
                            config.toString(),
                            "--template",
                            "Generic",
                            "--out",
                            out.toString(),
                            "--json");
            assertThat(r.exitCode()).as(r.all()).isZero();
            JsonNode j = r.json();
            assertThat(j.get("unresolvedPlaceholders").toString())
                    .contains("organization.name")
                    .contains("link");
            assertThat(j.get("files")).hasSize(3);
        }

        @Test
        @DisplayName("the built-in templates guard optional values, so an invitation without them has none unresolved")
        void builtinGuardsOptionalValues() {
            Cli.Result r = new Cli()
                    .run(
                            "preview",
                            "builtin",
                            "--template",
                            "OrganizationInvitation",
                            "--out",
                            dir.resolve("p3").toString(),
                            "--json");
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.json().get("unresolvedPlaceholders")).isEmpty();
        }
    }

    @Nested
    @DisplayName("test")
    class TestCmd {
        @Test
        @DisplayName("without a connection check it needs --to (exit 2), then sends a Generic test message")
        void testMessage() throws Exception {
            Path config = file("brand.json", "{\"senderName\":\"Acme\"}");
            Cli.Result noTo = new Cli().run("test", "builtin", "--config", config.toString());
            assertThat(noTo.exitCode()).isEqualTo(2);
            assertThat(noTo.err()).contains("has no connection check");
            Cli.Result r = new Cli().run("test", "builtin", "--config", config.toString(), "--to", "admin@example.com");
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.out()).contains("Test message accepted by builtin");
            Path eml = Path.of(r.out().replaceAll("(?s).*outboxFile: (\\S+).*", "$1"));
            List<String> parts = parse(eml);
            assertThat(parts.get(0)).isEqualTo("Your verification code");
            assertThat(parts.get(1)).contains("000000");
        }

        @Test
        @DisplayName("a failing test exits 1 with the error code, in JSON too")
        void failing() throws Exception {
            Path blocker = file("blocker", "x");
            System.setProperty("emailconnectors.outbox", blocker.toString());
            Path config = file("brand.json", "{}");
            Cli.Result r =
                    new Cli().run("test", "builtin", "--config", config.toString(), "--to", "a@example.com", "--json");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("provider_unavailable");
        }
    }
}
