package dev.emailconnectors.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The wire checks of the bad-input suite")
class WireChecksTest {
    /** A peer that "received" whatever a test gives it. */
    private record Canned(List<Delivered> delivered) implements Fixture {
        @Override
        public String id() {
            return "canned";
        }

        @Override
        public ObjectNode config(String secret) {
            return Json.object();
        }

        @Override
        public List<String> wire() {
            return delivered.stream().map(Delivered::raw).toList();
        }

        @Override
        public void failAuthentication() {}

        @Override
        public void failWithProviderError(String echo) {}

        @Override
        public void hang() {}

        @Override
        public void reset() {}

        @Override
        public void close() {}
    }

    private static List<String> problems(Delivered d, String to) {
        return WireChecks.problems(new Canned(List.of(d)), to);
    }

    @Test
    @DisplayName("accept a clean message, internationalized domains in either form")
    void clean() {
        Delivered d = new Delivered(
                List.of("user@xn--bcher-kva.example"),
                Optional.of("Code 1"),
                Optional.of("<p>&lt;script&gt;</p>"),
                "",
                "",
                List.of("Acme <noreply@example.com>"));
        assertThat(problems(d, "user@bücher.example")).isEmpty();
    }

    @Test
    @DisplayName("catch an extra recipient, a broken subject, an injected header and unescaped HTML")
    void catchesEachProblem() {
        Delivered d = new Delivered(
                List.of("user@example.com", Hostile.INTRUDER),
                Optional.of("Code\r\nBcc: x"),
                Optional.of("<p><script>alert(1)</script></p>"),
                "",
                "MIME-Version: 1.0",
                List.of("Bcc: " + Hostile.INTRUDER, "From: Eve\nX: y", "not a header"));
        assertThat(problems(d, "user@example.com"))
                .hasSize(7)
                .anySatisfy(p -> assertThat(p).startsWith("recipient 'intruder"))
                .anySatisfy(p -> assertThat(p).startsWith("subject with a control character"))
                .anySatisfy(p -> assertThat(p).startsWith("injected header line"))
                .anySatisfy(p -> assertThat(p).startsWith("header field with a control character"))
                .anySatisfy(p -> assertThat(p).startsWith("malformed header line"))
                .anySatisfy(p -> assertThat(p).startsWith("unescaped <script"));
    }
}
