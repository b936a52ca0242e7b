package dev.emailconnectors.internal;

import dev.emailconnectors.EmailConnectorException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secret values from free text and from exceptions (message, provider code, request id, causes and suppressed
 * exceptions), so that a peer that echoes a credential cannot leak it. A secret is found in every form it travels in:
 *
 * <ul>
 *   <li>as is, and URL-encoded ({@code %2B}, {@code +} for space, any case), JSON-escaped ({@code \"},
 *       {@code \\}, {@code \/}, {@code \u00e9}) or HTML-escaped ({@code &quot;}, {@code &#34;}): each decoding of the
 *       text is searched and the match masked where it was written;
 *   <li>with its whitespace collapsed, or folded over lines;
 *   <li>inside a base64 token (SMTP {@code AUTH PLAIN} and XOAUTH2 arguments, HTTP Basic credentials), also when the
 *       token is cut short or URL-encoded: the whole token is masked;
 *   <li>truncated: a text cut inside a secret of 12 or more characters still holds a long prefix or suffix of it; one
 *       of at least half the secret (and 10 characters) is masked.
 * </ul>
 *
 * <p>Code that shortens text scrubs it first: a secret cut in two by the shortening is no longer whole.
 */
public final class Scrubber {
    /** Candidate base64 tokens: long enough to carry a credential, standard or URL alphabet. */
    private static final Pattern BASE64_TOKEN = Pattern.compile("[A-Za-z0-9+/_-]{12,}={0,2}");
    /** Secrets at least this long are also found as fragments (prefix or suffix). */
    private static final int FRAGMENT_SECRET_LENGTH = 12;
    /** The shortest fragment that is masked. */
    private static final int MIN_FRAGMENT = 10;
    /** Secrets at least this long are also looked for with their whitespace removed. */
    private static final int MIN_WHITESPACE_FREE = 8;

    private static final List<Function<String, DecodedView>> VIEWS =
            List.of(DecodedView::percent, DecodedView::json, DecodedView::html);

    private Scrubber() {}

    /**
     * Replaces every occurrence of every secret, in every form, with {@value SecretFields#MASK}.
     *
     * @param text the text, or null
     * @param secrets the secret values
     * @return the scrubbed text
     */
    public static String scrub(String text, List<String> secrets) {
        if (text == null || text.isEmpty() || secrets.isEmpty()) {
            return text;
        }
        List<String> stripped = new ArrayList<>();
        for (String s : secrets) {
            String t = s.replaceAll("\\s+", "");
            if (t.length() >= MIN_WHITESPACE_FREE) {
                stripped.add(t);
            }
        }
        String out = text;
        for (int round = 0; round < 2; round++) { // the second round finds what one decoding hid inside another
            List<int[]> spans = new ArrayList<>();
            collect(out, null, secrets, true, spans);
            for (Function<String, DecodedView> view : VIEWS) {
                DecodedView v = view.apply(out);
                if (v != null) {
                    collect(out, v, secrets, true, spans);
                }
            }
            DecodedView compact = DecodedView.withoutWhitespace(out);
            if (compact != null) {
                collect(out, compact, stripped, false, spans); // words run together: no base64 here
            }
            if (spans.isEmpty()) {
                break;
            }
            out = mask(out, spans);
        }
        return out;
    }

    /**
     * Tells whether a text holds a secret in any form {@link #scrub(String, List)} recognises.
     *
     * @param text the text, or null
     * @param secrets the secret values
     * @return true when scrubbing would change the text
     */
    public static boolean holds(String text, List<String> secrets) {
        return text != null && !text.equals(scrub(text, secrets));
    }

    /** Adds the spans, in the original text, of the secrets found in one decoding of it (none: the text itself). */
    private static void collect(
            String original, DecodedView view, List<String> secrets, boolean base64, List<int[]> out) {
        if (secrets.isEmpty()) {
            return;
        }
        String decoded = view == null ? original : view.text();
        List<int[]> spans = new ArrayList<>();
        for (String secret : secrets) {
            find(decoded, secret, spans);
        }
        Matcher m = BASE64_TOKEN.matcher(base64 ? decoded : "");
        while (m.find()) {
            if (base64Holds(m.group(), secrets)) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        for (int[] span : spans) {
            out.add(view == null ? span : new int[] {view.start(span[0]), view.end(span[1])});
        }
    }

    /** Adds the spans where the secret, or a long prefix or suffix of it, occurs. */
    private static void find(String text, String secret, List<int[]> spans) {
        int n = secret.length();
        if (n < FRAGMENT_SECRET_LENGTH) {
            for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + n)) {
                spans.add(new int[] {at, at + n});
            }
            return;
        }
        int least = Math.max(MIN_FRAGMENT, (n + 1) / 2);
        String prefix = secret.substring(0, least);
        for (int at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
            int k = least;
            while (k < n && at + k < text.length() && text.charAt(at + k) == secret.charAt(k)) {
                k++;
            }
            spans.add(new int[] {at, at + k});
        }
        String suffix = secret.substring(n - least);
        for (int at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 1)) {
            int k = least;
            while (k < n
                    && at - (k - least) - 1 >= 0
                    && text.charAt(at - (k - least) - 1) == secret.charAt(n - k - 1)) {
                k++;
            }
            spans.add(new int[] {at - (k - least), at + least});
        }
    }

    private static boolean base64Holds(String token, List<String> secrets) {
        String body = token.replace("=", "");
        boolean standard = body.indexOf('-') < 0 && body.indexOf('_') < 0;
        boolean url = body.indexOf('+') < 0 && body.indexOf('/') < 0;
        for (int offset = 0; offset < 4 && body.length() - offset >= 8; offset++) {
            String t = body.substring(offset);
            t = t.length() % 4 == 1 ? t.substring(0, t.length() - 1) : t; // cut short: drop the dangling character
            byte[] bytes = decode(t, standard, url);
            if (bytes != null
                    && (holdsPlain(new String(bytes, StandardCharsets.ISO_8859_1), secrets)
                            || holdsPlain(new String(bytes, StandardCharsets.UTF_8), secrets))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] decode(String t, boolean standard, boolean url) {
        try {
            return standard
                    ? Base64.getDecoder().decode(t)
                    : url ? Base64.getUrlDecoder().decode(t) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean holdsPlain(String decoded, List<String> secrets) {
        List<int[]> spans = new ArrayList<>();
        for (String secret : secrets) {
            find(decoded, secret, spans);
            if (!spans.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String mask(String text, List<int[]> spans) {
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder(text.length());
        int written = 0;
        int i = 0;
        while (i < spans.size()) {
            int start = spans.get(i)[0];
            int end = spans.get(i)[1];
            while (++i < spans.size() && spans.get(i)[0] <= end) {
                end = Math.max(end, spans.get(i)[1]);
            }
            out.append(text, written, start).append(SecretFields.MASK);
            written = end;
        }
        return out.append(text, written, text.length()).toString();
    }

    /**
     * Returns the exception unchanged when nothing in it holds a secret, otherwise a copy whose message, provider
     * code, request id, remedy, causes and suppressed exceptions are scrubbed (an offending cause or suppressed exception is
     * replaced by a {@link RedactedException} with the same class name and stack trace).
     *
     * @param e the exception
     * @param secrets the secret values
     * @return a safe exception
     */
    public static EmailConnectorException scrub(EmailConnectorException e, List<String> secrets) {
        if (secrets.isEmpty() || !leaks(e, secrets, new IdentityHashMap<>())) {
            return e;
        }
        Map<Throwable, Throwable> done = new IdentityHashMap<>();
        List<Throwable> suppressed = new ArrayList<>();
        for (Throwable s : e.getSuppressed()) {
            suppressed.add(copy(s, secrets, done));
        }
        return e.toBuilder()
                .message(scrub(e.detail(), secrets))
                .providerErrorCode(scrub(e.providerErrorCode().orElse(null), secrets))
                .providerRequestId(scrub(e.providerRequestId().orElse(null), secrets))
                .remedy(scrub(e.remedy().orElse(null), secrets))
                .cause(copy(e.getCause(), secrets, done))
                .suppressed(suppressed)
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
        if (!leaks(t, secrets, new IdentityHashMap<>())) {
            done.put(t, t);
            return t;
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
