package dev.emailconnectors.internal;

import dev.emailconnectors.EmailConnectorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secret values from free text and from exceptions (message, causes and suppressed exceptions), so that a
 * provider error that echoes a credential cannot leak it. Credentials derived from a secret are found too: a base64
 * token whose decoded text holds a secret (SMTP {@code AUTH PLAIN} and XOAUTH2 arguments, HTTP Basic credentials) is
 * masked as a whole.
 */
public final class Scrubber {
    /** Candidate base64 tokens: long enough to carry a credential, standard or URL alphabet. */
    private static final Pattern BASE64_TOKEN = Pattern.compile("[A-Za-z0-9+/_-]{12,}={0,2}");

    private Scrubber() {}

    /**
     * Replaces every occurrence of every secret with {@value SecretFields#MASK}.
     *
     * @param text the text, or null
     * @param secrets the secret values, longest first
     * @return the scrubbed text
     */
    public static String scrub(String text, List<String> secrets) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, SecretFields.MASK);
            }
        }
        Matcher m = BASE64_TOKEN.matcher(out);
        if (!m.find()) {
            return out;
        }
        StringBuilder b = new StringBuilder(out.length());
        do {
            m.appendReplacement(b, decodedHolds(m.group(), secrets) ? SecretFields.MASK : "$0");
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }

    /**
     * Tells whether a text holds a secret, as it is or inside a base64 token.
     *
     * @param text the text, or null
     * @param secrets the secret values
     * @return true when scrubbing would change the text
     */
    public static boolean holds(String text, List<String> secrets) {
        return text != null && !text.equals(scrub(text, secrets));
    }

    private static boolean decodedHolds(String token, List<String> secrets) {
        String decoded = decode(token);
        return decoded != null && secrets.stream().anyMatch(decoded::contains);
    }

    private static String decode(String token) {
        try {
            Base64.Decoder decoder =
                    token.indexOf('-') >= 0 || token.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder();
            return new String(decoder.decode(token), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Returns the exception unchanged when no message in its chain holds a secret, otherwise a copy whose offending
     * messages are scrubbed (offending causes are replaced by {@link RedactedException}s with the same class name and
     * stack trace).
     *
     * @param e the exception
     * @param secrets the secret values
     * @return a safe exception
     */
    public static EmailConnectorException scrub(EmailConnectorException e, List<String> secrets) {
        if (secrets.isEmpty() || !leaks(e, secrets, new IdentityHashMap<>())) {
            return e;
        }
        return e.toBuilder()
                .message(scrub(e.detail(), secrets))
                .cause(copy(e.getCause(), secrets, new IdentityHashMap<>()))
                .build();
    }

    private static boolean leaks(Throwable t, List<String> secrets, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        if (holds(t.getMessage(), secrets) || holds(t.toString(), secrets)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (leaks(s, secrets, seen)) {
                return true;
            }
        }
        return leaks(t.getCause(), secrets, seen);
    }

    private static Throwable copy(Throwable t, List<String> secrets, Map<Throwable, Throwable> done) {
        if (t == null) {
            return null;
        }
        Throwable existing = done.get(t);
        if (existing != null) {
            return existing;
        }
        RedactedException r = new RedactedException(t.getClass().getName(), scrub(t.getMessage(), secrets));
        done.put(t, r);
        r.setStackTrace(t.getStackTrace());
        Throwable cause = copy(t.getCause(), secrets, done);
        if (cause != null) {
            r.initCause(cause);
        }
        for (Throwable s : t.getSuppressed()) {
            r.addSuppressed(copy(s, secrets, done));
        }
        return r;
    }

    /** Stands in for an exception whose message held a secret; prints as the original class. */
    public static final class RedactedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        RedactedException(String originalClass, String message) {
            super(message);
            this.originalClass = originalClass;
        }

        /** @return the class name of the exception this one replaces */
        public String originalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return originalClass + " (secrets redacted)" + (message == null ? "" : ": " + message);
        }
    }
}
