package dev.emailconnectors.builtin;

import static dev.emailconnectors.builtin.Fixtures.CATALOG;
import static dev.emailconnectors.builtin.Fixtures.JSON;
import static dev.emailconnectors.builtin.Fixtures.branding;
import static dev.emailconnectors.builtin.Fixtures.fullPayload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplatePreview;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.testkit.MapTemplateSource;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Built-in templates")
class TemplatesTest {
    /** The sample link as the core HTML-escapes it ({@code &} and {@code =} become entities). */
    private static final String ESCAPED_LINK = "https://auth.example.com/verify?token&#x3D;abc&amp;x&#x3D;1";

    private static TemplatePreview preview(ObjectNode config, TemplateType type, Payload payload) {
        return CATALOG.preview("builtin", config, type, payload, ConnectorContext.defaults());
    }

    @Nested
    @DisplayName("Coverage")
    class Coverage {
        @Test
        @DisplayName("every type in every shipped language renders with no unresolved placeholder")
        void everyTypeAndLocale() {
            Set<String> subjects = new HashSet<>();
            for (String locale : Locales.SHIPPED) {
                for (TemplateType type : TemplateType.values()) {
                    TemplatePreview p = preview(branding(), type, fullPayload(locale));
                    String where = type + "/" + locale;
                    assertThat(p.unresolvedPlaceholders()).as(where).isEmpty();
                    assertThat(p.email().usageType()).as(where).isEqualTo(type);
                    assertThat(p.email().isHtml()).as(where).isTrue();
                    assertThat(p.email().content())
                            .as(where)
                            .contains("<html lang=\"" + locale + "\"")
                            .doesNotContain("{{", "}}", "[[", "]]")
                            .contains(ESCAPED_LINK);
                    assertThat(p.email().subject()).as(where).isNotBlank().doesNotContain("{{");
                    assertThat(p.email().text()).as(where).contains("493817").doesNotContain("<");
                    subjects.add(p.email().subject());
                }
            }
            assertThat(subjects)
                    .as("every type and language has its own subject")
                    .hasSizeGreaterThan(TemplateType.values().length * (Locales.SHIPPED.size() - 1));
        }

        @Test
        @DisplayName("the HTML is email-client safe: tables and inline styles, no scripts, no stylesheets")
        void emailClientSafe() {
            String html = preview(branding(), TemplateType.SIGN_IN, fullPayload("en"))
                    .email()
                    .content();
            assertThat(html)
                    .contains("<table role=\"presentation\"")
                    .doesNotContainIgnoringCase("<script")
                    .doesNotContainIgnoringCase("<style")
                    .doesNotContainIgnoringCase("<link")
                    .doesNotContainIgnoringCase("class=");
        }
    }

    @Nested
    @DisplayName("Content")
    class Content {
        @Test
        @DisplayName("shows logo, sender name, the code in large type, a button for the link and the company footer")
        void brandedContent() {
            String html = preview(branding(), TemplateType.SIGN_IN, fullPayload("en"))
                    .email()
                    .content();
            assertThat(html)
                    .contains("<img src=\"" + Fixtures.LOGO + "\"")
                    .contains(">Acme Cloud</td>")
                    .containsPattern("font-size:34px[^>]*>493817</p>")
                    .contains("<a href=\"" + ESCAPED_LINK + "\"")
                    .containsPattern(">Sign in</a>")
                    .contains("Acme Cloud S.A., 1 Main Street, Springfield")
                    .contains("#0E7C66");
        }

        @Test
        @DisplayName("without a link there is no button; without a code there is no code box")
        void optionalParts() {
            String codeOnly = preview(
                            branding(),
                            TemplateType.SIGN_IN,
                            Payload.builder().code("111222").build())
                    .email()
                    .content();
            assertThat(codeOnly).contains("111222").doesNotContain("<a href");
            String linkOnly = preview(
                            branding(),
                            TemplateType.ORGANIZATION_INVITATION,
                            Payload.builder().link("https://x.example.com/i").build())
                    .email()
                    .content();
            assertThat(linkOnly).doesNotContain("font-size:34px").contains("Accept invitation");
        }

        @Test
        @DisplayName("invitations name the inviter and the organization, and read well without them")
        void invitation() {
            TemplatePreview full = preview(branding(), TemplateType.ORGANIZATION_INVITATION, fullPayload("en"));
            assertThat(full.email().subject()).isEqualTo("You're invited to join Globex");
            assertThat(full.email().text()).contains("Grace Hopper has invited you to join Globex.");
            TemplatePreview bare = preview(
                    branding(),
                    TemplateType.ORGANIZATION_INVITATION,
                    Payload.builder().link("https://x.example.com/i").build());
            assertThat(bare.email().subject()).isEqualTo("You're invited to join an organization");
            assertThat(bare.email().text()).contains("You have been invited to join an organization.");
        }

        @Test
        @DisplayName("a <script> in organization.name arrives escaped in the HTML and as text in the subject")
        void scriptEscaped() {
            Payload payload = Payload.builder()
                    .link("https://x.example.com/i")
                    .put("organization", Map.of("name", "<script>alert(1)</script>"))
                    .put("inviter", Map.of("name", "<img src=x onerror=alert(2)>"))
                    .build();
            TemplatePreview p = preview(branding(), TemplateType.ORGANIZATION_INVITATION, payload);
            assertThat(p.email().content())
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("&lt;img src")
                    .doesNotContain("<script>")
                    .doesNotContain("<img src=x");
            assertThat(p.email().subject()).isEqualTo("You're invited to join <script>alert(1)</script>");
        }

        @Test
        @DisplayName("tenant branding is escaped too and can never become a placeholder or markup")
        void brandingEscaped() {
            ObjectNode config = branding()
                    .put("senderName", "Acme <b>{{code}}</b> & Co")
                    .put("companyInformation", "Line one\n\"Quoted\" {{link}}");
            TemplatePreview p = preview(config, TemplateType.SIGN_IN, fullPayload("en"));
            assertThat(p.email().content())
                    .contains("Acme &lt;b&gt;&#123;&#123;code&#125;&#125;&lt;/b&gt; &amp; Co")
                    .contains("Line one<br>&quot;Quoted&quot; &#123;&#123;link&#125;&#125;");
            assertThat(p.email().sendFrom()).contains("Acme b code /b & Co");
            assertThat(p.email()
                            .from(dev.emailconnectors.Mailbox.of("no-reply@example.com"))
                            .address())
                    .isEqualTo("no-reply@example.com");
        }

        @Test
        @DisplayName("a sender name cannot change the sender address")
        void senderNameCannotSpoof() {
            ObjectNode config = branding().put("senderName", "Support <ceo@bank>");
            TemplatePreview p = preview(config, TemplateType.SIGN_IN, fullPayload("en"));
            var from = p.email().from(dev.emailconnectors.Mailbox.of("no-reply@example.com"));
            assertThat(from.address()).isEqualTo("no-reply@example.com");
            assertThat(from.displayName()).contains("Support ceo bank");
        }

        @Test
        @DisplayName("without branding the layout still renders, with the default color and no empty header")
        void noBranding() {
            TemplatePreview p = preview(JSON.createObjectNode(), TemplateType.REGISTER, fullPayload("de"));
            assertThat(p.unresolvedPlaceholders()).isEmpty();
            assertThat(p.email().content())
                    .doesNotContain("<img")
                    .doesNotContain("margin:0 0 28px 0")
                    .doesNotContain("[[")
                    .contains(Branding.DEFAULT_COLOR)
                    .contains("Bestätigen Sie Ihre E-Mail-Adresse");
            assertThat(p.email().sendFrom()).isEmpty();
            String logoOnly = preview(
                            JSON.createObjectNode().put("appLogo", Fixtures.LOGO),
                            TemplateType.REGISTER,
                            fullPayload("en"))
                    .email()
                    .content();
            assertThat(logoOnly)
                    .contains("<img src=")
                    .doesNotContain("font-size:17px")
                    .doesNotContain("[[");
        }

        @Test
        @DisplayName("the button text is dark on a light primary color and white on a dark one")
        void buttonContrast() {
            assertThat(preview(branding().put("primaryColor", "#FFE600"), TemplateType.SIGN_IN, fullPayload("en"))
                            .email()
                            .content())
                    .contains("color:#111827;text-decoration:none");
            assertThat(preview(branding().put("primaryColor", "#1f2937"), TemplateType.SIGN_IN, fullPayload("en"))
                            .email()
                            .content())
                    .contains("color:#FFFFFF;text-decoration:none");
        }
    }

    @Nested
    @DisplayName("Language")
    class Language {
        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
            "es-MX, es",
            "es, es",
            "fr-CA, fr",
            "de-AT, de",
            "pt, pt-BR",
            "pt-PT, pt-BR",
            "zh, zh-CN",
            "zh-Hans-CN, zh-CN",
            "ja-JP, ja",
            "EN_gb, en",
            "ko, en",
            "'', en"
        })
        @DisplayName("the language tag picks a shipped locale with fallback")
        void fallback(String tag, String expected) {
            assertThat(Locales.resolve(tag)).isEqualTo(expected);
            TemplatePreview p = preview(branding(), TemplateType.SIGN_IN, fullPayload(tag));
            assertThat(p.email().content()).contains("<html lang=\"" + expected + "\"");
        }

        @Test
        @DisplayName("es-MX gets the Spanish template, and the first ui_locales tag counts when locale is absent")
        void spanishAndUiLocales() {
            assertThat(preview(branding(), TemplateType.SIGN_IN, fullPayload("es-MX"))
                            .email()
                            .subject())
                    .isEqualTo("Tu código de inicio de sesión");
            Payload ui = Payload.builder().code("1").uiLocales("ja en").build();
            assertThat(preview(branding(), TemplateType.SIGN_IN, ui).email().subject())
                    .isEqualTo("サインイン用の認証コード");
        }

        @Test
        @DisplayName("the host's per-locale template still wins over the built-in one")
        void hostTemplateWins() {
            MapTemplateSource host = new MapTemplateSource()
                    .put("es", EmailTemplate.text(TemplateType.SIGN_IN, "Hola {{code}}", "Código: {{code}}"));
            ConnectorContext context =
                    ConnectorContext.builder().templateResolver(host).build();
            TemplatePreview es =
                    CATALOG.preview("builtin", branding(), TemplateType.SIGN_IN, fullPayload("es-MX"), context);
            assertThat(es.email().subject()).isEqualTo("Hola 493817");
            TemplatePreview fr =
                    CATALOG.preview("builtin", branding(), TemplateType.SIGN_IN, fullPayload("fr"), context);
            assertThat(fr.email().subject()).isEqualTo("Votre code de connexion");
        }
    }
}
