package dev.emailconnectors;

import dev.emailconnectors.spi.RenderedEmail;
import java.util.List;

/**
 * A template rendered without sending, for admin consoles and the command line.
 *
 * @param email the rendered subject, body and plain text, exactly as the connector would send them
 * @param unresolvedPlaceholders placeholders the payload could not fill, in order of appearance: those whose first
 *     segment is absent stay as written in the output; those with a missing nested value render empty
 */
public record TemplatePreview(RenderedEmail email, List<String> unresolvedPlaceholders) {

    /** Copies the list. */
    public TemplatePreview {
        unresolvedPlaceholders = List.copyOf(unresolvedPlaceholders);
    }
}
