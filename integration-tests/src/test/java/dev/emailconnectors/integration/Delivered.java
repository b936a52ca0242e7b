package dev.emailconnectors.integration;

import java.util.List;
import java.util.Optional;

/**
 * One message as a peer received it.
 *
 * @param recipients every recipient the peer saw (envelope, API fields)
 * @param subject the subject, when the protocol carries one
 * @param html the HTML content, when there is one
 * @param text the rest a receiver reads (text part, request body)
 * @param raw everything on the wire for this message (headers and body), undecoded
 * @param headerFields values that become message headers at the provider (sender, reply-to, names), or for a MIME
 *     message its header lines as written
 */
record Delivered(
        List<String> recipients,
        Optional<String> subject,
        Optional<String> html,
        String text,
        String raw,
        List<String> headerFields) {

    /** A message without header fields to check. */
    Delivered(List<String> recipients, Optional<String> subject, Optional<String> html, String text, String raw) {
        this(recipients, subject, html, text, raw, List.of());
    }
}
