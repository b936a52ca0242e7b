package dev.emailconnectors.okhttp;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Decides what of a request may appear in a log line: header values are {@code ***} for credentials (by name, by
 * pattern, or named by the connector), query values are always {@code ***}, and user info is dropped.
 */
final class Redaction {
    static final String MASK = "***";
    private static final Set<String> ALWAYS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "webhook-signature");
    private static final List<String> PATTERNS =
            List.of("key", "token", "secret", "signature", "auth", "password", "credential", "session");

    private final Set<String> extra;

    Redaction(Set<String> secretHeaders) {
        this.extra = secretHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    boolean isSecret(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return ALWAYS.contains(name)
                || extra.contains(name)
                || PATTERNS.stream().anyMatch(name::contains);
    }

    String headers(Headers headers) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < headers.size(); i++) {
            if (i > 0) {
                s.append(", ");
            }
            String name = headers.name(i);
            s.append(name).append(": ").append(isSecret(name) ? MASK : headers.value(i));
        }
        return s.append(']').toString();
    }

    static String url(HttpUrl url) {
        StringBuilder s = new StringBuilder(url.scheme()).append("://");
        s.append(url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host());
        if (url.port() != HttpUrl.defaultPort(url.scheme())) {
            s.append(':').append(url.port());
        }
        s.append(url.encodedPath());
        for (int i = 0; i < url.querySize(); i++) {
            s.append(i == 0 ? '?' : '&').append(url.queryParameterName(i));
            if (url.queryParameterValue(i) != null) {
                s.append('=').append(MASK);
            }
        }
        return s.toString();
    }
}
