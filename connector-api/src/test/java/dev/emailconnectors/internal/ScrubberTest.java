package dev.emailconnectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Scrubber")
class ScrubberTest {
    private static final List<String> SECRETS = List.of("hunter2-correct-horse");

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("masks a secret as it is")
    void plain() {
        assertThat(Scrubber.scrub("refused hunter2-correct-horse here", SECRETS))
                .isEqualTo("refused *** here");
    }

    @Test
    @DisplayName("masks a base64 token that carries a secret: SMTP AUTH PLAIN, HTTP Basic, XOAUTH2")
    void derived() {
        String plain = b64("\0mailer\0hunter2-correct-horse");
        String basic = b64("api:hunter2-correct-horse");
        String xoauth = b64("user=me@example.com\1auth=Bearer hunter2-correct-horse\1\1");
        String text = "535 5.7.8 AUTH PLAIN " + plain + " refused; Authorization: Basic " + basic + "; " + xoauth;
        assertThat(Scrubber.holds(text, SECRETS)).isTrue();
        String scrubbed = Scrubber.scrub(text, SECRETS);
        assertThat(scrubbed).doesNotContain(plain).doesNotContain(basic).doesNotContain(xoauth);
        assertThat(scrubbed).isEqualTo("535 5.7.8 AUTH PLAIN *** refused; Authorization: Basic ***; ***");
    }

    @Test
    @DisplayName("leaves base64 tokens without a secret, and text without one, unchanged")
    void unchanged() {
        String text = "queued as " + b64("an innocent message id") + " at smtp.example.com";
        assertThat(Scrubber.holds(text, SECRETS)).isFalse();
        assertThat(Scrubber.scrub(text, SECRETS)).isEqualTo(text);
    }

    @Test
    @DisplayName("scrubs an exception whose cause echoes a derived credential")
    void exceptionChain() {
        EmailConnectorException e = EmailConnectorException.builder(ErrorCode.AUTHENTICATION_FAILED, "refused")
                .cause(new IllegalStateException("server said: " + b64("\0u\0hunter2-correct-horse")))
                .build();
        EmailConnectorException safe = Scrubber.scrub(e, SECRETS);
        assertThat(safe).isNotSameAs(e);
        assertThat(safe.getCause().getMessage()).isEqualTo("server said: ***");
    }
}
