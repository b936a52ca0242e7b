package dev.emailconnectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emailconnectors.internal.TemplateRenderer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Placeholder rendering follows Logto's rules, with escaping")
class TemplateRenderingTest {

    private static String text(String template, Map<String, ?> payload) {
        return TemplateRenderer.render(template, Payload.of(payload), false);
    }

    private static String html(String template, Map<String, ?> payload) {
        return TemplateRenderer.render(template, Payload.of(payload), true);
    }

    @Test
    @DisplayName("the code and any other key are substituted, with spaces allowed inside the braces")
    void substitutesKeys() {
        assertThat(text("Your verification code is {{code}}", Map.of("code", "123456")))
                .isEqualTo("Your verification code is 123456");
        assertThat(text("{{code}} and {{foo}}", Map.of("code", "1", "foo", "bar")))
                .isEqualTo("1 and bar");
        assertThat(text("{{     code }}", Map.of("code", "9"))).isEqualTo("9");
    }

    @Test
    @DisplayName("a placeholder whose root is absent stays as written; a missing leaf renders empty")
    void unresolved() {
        assertThat(text("{{code}}", Map.of())).isEqualTo("{{code}}");
        assertThat(text("{{ application.name }}", Map.of())).isEqualTo("{{application.name}}");
        assertThat(text("[{{application.customData.bar}}]", Map.of("application", Map.of("customData", Map.of()))))
                .isEqualTo("[]");
    }

    @Test
    @DisplayName("array indexes, lists, numbers, booleans and null render like Logto")
    void valueKinds() {
        Map<String, Object> app = Map.of("name", "Logto", "customData", Map.of("baz", Arrays.asList(1, "2", null)));
        assertThat(text(
                        "Your application name is {{ application.name }}, {{ application.customData.baz.1 }}",
                        Map.of("application", app)))
                .isEqualTo("Your application name is Logto, 2");
        Map<String, Object> values = new HashMap<>();
        values.put("list", List.of(1, 2));
        values.put("n", 0);
        values.put("b", false);
        values.put("z", null);
        values.put("d", 2.0);
        assertThat(text("{{list}}|{{n}}|{{b}}|{{z}}|{{d}}", values)).isEqualTo("1,2|0|false||2");
    }

    @Test
    @DisplayName("HTML content escapes values; plain text does not")
    void escaping() {
        Map<String, Object> p = Map.of("organization", Map.of("name", "<script>alert('x')</script> & \"co\""));
        assertThat(html("<b>{{organization.name}}</b>", p))
                .isEqualTo("<b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</b>");
        assertThat(text("{{organization.name}}", p)).isEqualTo("<script>alert('x')</script> & \"co\"");
    }

    @Test
    @DisplayName("Mustache sections show content only when a value is present")
    void sections() {
        String t = "Code {{code}}{{#link}} or open {{link}}{{/link}}{{^link}} (no link){{/link}}";
        assertThat(text(t, Map.of("code", "1"))).isEqualTo("Code 1 (no link)");
        assertThat(text(t, Map.of("code", "1", "link", "https://x.test/a")))
                .isEqualTo("Code 1 or open https://x.test/a");
    }

    @Test
    @DisplayName("syntax errors are reported, and unresolved placeholders are listed")
    void syntaxAndUnresolved() {
        assertThat(TemplateRenderer.syntaxProblem("{{#a}} unclosed")).contains("syntax");
        assertThat(TemplateRenderer.syntaxProblem("fine {{a}}")).isNull();
        assertThatThrownBy(() -> text("{{#a}} unclosed", Map.of()))
                .isInstanceOf(EmailConnectorException.class)
                .extracting(e -> ((EmailConnectorException) e).code())
                .isEqualTo(ErrorCode.INVALID_CONFIG);
        assertThat(TemplateRenderer.unresolved(
                        "{{code}} {{user.name}} {{app.name}} {{link}}",
                        Payload.of(Map.of("code", "1", "user", Map.of()))))
                .containsExactly("user.name", "app.name", "link");
    }
}
