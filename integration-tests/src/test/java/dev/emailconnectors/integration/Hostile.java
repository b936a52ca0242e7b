package dev.emailconnectors.integration;

import dev.emailconnectors.Payload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The hostile sends of the bad-input suite: recipients, payload values and template types. */
final class Hostile {
    /** Where injected recipients would go; it must never appear as a recipient at a peer. */
    static final String INTRUDER = "intruder@evil.example";

    private Hostile() {}

    /**
     * One hostile send.
     *
     * @param name what is hostile about it
     * @param to the recipient
     * @param payload builds the payload (building may itself refuse it, with a typed error)
     * @param mustRefuseRecipient whether the recipient is invalid, so the send must fail with INVALID_RECIPIENT
     *     before anything reaches the peer
     */
    record Send(String name, String to, Supplier<Payload> payload, boolean mustRefuseRecipient) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Send> sends() {
        List<Send> out = new ArrayList<>();
        // recipients that are not addresses
        bad(out, "CR/LF then a Bcc header in the recipient", "user@example.com\r\nBcc: " + INTRUDER);
        bad(out, "LF then a Bcc header in the recipient", "user@example.com\nBcc: " + INTRUDER);
        bad(out, "CR then a Bcc header in the recipient", "user@example.com\rBcc: " + INTRUDER);
        bad(out, "NUL at the end of the recipient", "user@example.com\u0000");
        bad(out, "NUL inside the local part", "us\u0000er@example.com");
        bad(out, "two recipients separated by a comma", "user@example.com, " + INTRUDER);
        bad(out, "two recipients separated by a semicolon", "user@example.com;" + INTRUDER);
        bad(out, "a display name and angle brackets", "User <user@example.com>");
        bad(out, "angle brackets only", "<user@example.com>");
        bad(out, "a 65-octet local part", "x".repeat(65) + "@example.com");
        bad(out, "an address over 254 octets", "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(4) + "com");
        bad(out, "a 64-character domain label", "user@" + "c".repeat(64) + ".example.com");
        bad(out, "an empty recipient", "");
        bad(out, "a blank recipient", "   ");
        bad(out, "no local part", "@example.com");
        bad(out, "no domain", "user@");
        bad(out, "two @ signs", "user@@example.com");
        bad(out, "a domain without a dot", "user@localhost");
        bad(out, "a space in the local part", "user name@example.com");
        bad(out, "a space in the domain", "user@exa mple.com");
        bad(out, "a quoted local part hiding CR/LF", "\"user\r\nBcc: x\"@example.com");
        bad(out, "a Unicode line separator", "user@example.com\u2028Bcc: " + INTRUDER);
        bad(out, "a full-width at sign", "user\uFF20example.com");
        bad(out, "a domain label starting with a hyphen", "user@-example.com");
        bad(out, "consecutive dots in the domain", "user@example..com");
        // odd but valid recipients: sent safely or refused with a typed error
        odd(out, "an internationalized domain", "user@例子.测试");
        odd(out, "a UTF-8 local part (needs SMTPUTF8)", "用户@example.com");
        odd(out, "a domain with an umlaut", "user@bücher.example");
        odd(out, "URL-encoded CR/LF, which is plain text", "user%0d%0aBcc:x@example.com");
        odd(out, "an address literal", "user@[127.0.0.1]");
        odd(out, "a right-to-left override in the local part", "user\u202e@example.com");
        odd(out, "an encoded-word local part", "=?utf-8?b?dXNlcg==?=@example.com");
        // payload values
        value(out, "CR/LF and a Bcc header in a subject variable", "user.name", "Eve\r\nBcc: " + INTRUDER);
        value(out, "LF and a header in a subject variable", "user.name", "Eve\nX-Injected: yes");
        value(out, "NUL in a subject variable", "user.name", "Eve\u0000Mallory");
        value(out, "CR/LF and a Bcc header in the sender name", "sender.name", "Eve\r\nBcc: " + INTRUDER);
        value(out, "a full sender address in the sender name", "sender.name", "\"Eve\" <" + INTRUDER + ">");
        value(out, "CR/LF and a Bcc header in the reply-to", "reply.to", "reply@example.com\r\nBcc: " + INTRUDER);
        value(out, "two addresses in the reply-to", "reply.to", "reply@example.com, " + INTRUDER);
        value(out, "a reply-to that is not an address", "reply.to", "not an address");
        value(out, "NUL in the reply-to", "reply.to", "reply@example.com\u0000");
        value(out, "<script> in the code", "code", "<script>alert(1)</script>");
        value(out, "CR/LF in the code", "code", "123\r\n456");
        value(out, "<script> after a quote in the link", "link", "\"><script>alert(1)</script>");
        value(out, "a javascript: link", "link", "javascript:alert(1)");
        value(out, "an <img onerror> in the user name", "user.name", "<img src=x onerror=alert(1)>");
        value(
                out,
                "quotes and <svg onload> in the organization name",
                "organization.name",
                "'\"><svg onload=alert(1)>");
        value(out, "a placeholder in a value", "application.name", "{{code}} {{{link}}}");
        value(out, "bidirectional and zero-width characters", "user.name", "\u202eevE\u200b\u2066");
        value(out, "astral characters and emoji", "user.name", "𝔈𝔳𝔢 👩‍💻");
        value(out, "a 10,000-character subject variable", "user.name", "E".repeat(10_000));
        value(out, "a 1 MB variable", "organization.name", "<b>" + "x".repeat(1 << 20) + "</b>");
        value(out, "a path in the locale", "locale", "../../etc/passwd");
        value(out, "CR/LF in the locale", "locale", "fr\r\nX-Injected: yes");
        Map<String, Object> deep = new LinkedHashMap<>();
        Map<String, Object> cursor = deep;
        for (int i = 0; i < 200; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            cursor.put("n", next);
            cursor = next;
        }
        out.add(new Send(
                "a value nested 200 levels deep",
                "user@example.com",
                () -> base().put("deep", deep).build(),
                false));
        return out;
    }

    private static void bad(List<Send> out, String name, String to) {
        out.add(new Send(name, to, () -> base().build(), true));
    }

    private static void odd(List<Send> out, String name, String to) {
        out.add(new Send(name, to, () -> base().build(), false));
    }

    private static void value(List<Send> out, String name, String path, String value) {
        Payload.Builder b = base();
        String[] parts = path.split("\\.");
        if (parts.length == 1) {
            b.put(parts[0], value);
        } else {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put(parts[1], value);
            if (parts[0].equals("user")) {
                inner.put("email", "user@example.com");
            }
            b.put(parts[0], inner);
        }
        out.add(new Send(name, "user@example.com", b::build, false));
    }

    /** A payload every template can fill. */
    static Payload.Builder base() {
        return Payload.builder()
                .code("123456")
                .link("https://example.com/verify?t=1")
                .put("user", Map.of("name", "Ana", "email", "user@example.com"))
                .put("sender", Map.of("name", "Acme"))
                .put("reply", Map.of("to", "reply@example.com"))
                .put("organization", Map.of("name", "Globex"))
                .put("application", Map.of("name", "Portal"));
    }
}
