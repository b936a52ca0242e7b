package dev.emailconnectors.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a test peer received for one message, in a form the kit can check whatever the protocol.
 *
 * @param recipients every recipient the peer saw for this message (SMTP envelope, API {@code to} fields)
 * @param subject the subject as received (decoded), if the protocol has one
 * @param html the HTML content as received (decoded), if the message had HTML content
 * @param text everything else a reader or receiver sees, decoded: the plain-text part for SMTP, the request body or
 *     its form fields for HTTP APIs
 * @param headers message or request headers, names in any case
 */
public record CapturedMessage(
        List<String> recipients,
        Optional<String> subject,
        Optional<String> html,
        String text,
        Map<String, List<String>> headers) {

    /** Copies the collections and checks for nulls. */
    public CapturedMessage {
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        headers = Map.copyOf(headers);
    }

    /**
     * Creates a captured message without headers.
     *
     * @param recipients the recipients
     * @param subject the subject, or null when the protocol has none
     * @param html the HTML content, or null
     * @param text the other readable content
     * @return the message
     */
    public static CapturedMessage of(List<String> recipients, String subject, String html, String text) {
        return new CapturedMessage(recipients, Optional.ofNullable(subject), Optional.ofNullable(html), text, Map.of());
    }

    /**
     * Tells whether a header is present, ignoring case.
     *
     * @param name the header name
     * @return true when present
     */
    public boolean hasHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return headers.keySet().stream()
                .anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(lower));
    }

    /** @return the subject, HTML and text together, for searching */
    public String allText() {
        return subject.orElse("") + "\n" + html.orElse("") + "\n" + text;
    }
}
