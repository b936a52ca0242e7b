package dev.emailconnectors;

import dev.emailconnectors.internal.Sanitize;
import java.util.Objects;
import java.util.Optional;

/**
 * A sender or reply-to mailbox: an address with an optional display name. Display names and addresses are sanitized
 * on construction (control characters and angle brackets removed, surrounding whitespace trimmed), so a mailbox can be
 * formatted into a header safely.
 *
 * @param displayName the display name, if any (never blank)
 * @param address the address
 */
public record Mailbox(Optional<String> displayName, String address) {

    /**
     * Creates a mailbox, sanitizing both parts.
     *
     * @param displayName the display name, if any
     * @param address the address
     */
    public Mailbox {
        Objects.requireNonNull(displayName, "displayName");
        displayName = displayName.map(Mailbox::sanitizeName).filter(n -> !n.isEmpty());
        address = sanitize(Objects.requireNonNull(address, "address"));
    }

    /**
     * Creates a mailbox without a display name.
     *
     * @param address the address
     * @return the mailbox
     */
    public static Mailbox of(String address) {
        return new Mailbox(Optional.empty(), address);
    }

    /**
     * Creates a mailbox with a display name.
     *
     * @param displayName the display name, or null
     * @param address the address
     * @return the mailbox
     */
    public static Mailbox of(String displayName, String address) {
        return new Mailbox(Optional.ofNullable(displayName), address);
    }

    /**
     * Interprets a rendered {@code sendFrom} value the way Logto's connector kit does:
     * {@code "Name <addr@example.com>"} gives both parts; a bare address (an {@code @} and no space) gives the address;
     * anything else is a display name for the fallback address.
     *
     * @param value the rendered value
     * @param fallback the connector's configured sender
     * @return the resulting sender
     */
    public static Mailbox parseSendFrom(String value, Mailbox fallback) {
        String v = Sanitize.stripControl(value).trim();
        if (v.isEmpty()) {
            return fallback;
        }
        if (v.endsWith(">")) {
            int end = v.length() - 1;
            int previousGt = v.lastIndexOf('>', end - 1);
            int lt = v.indexOf('<', previousGt + 1);
            if (lt >= 0 && lt < end) {
                String address = sanitize(v.substring(lt + 1, end));
                String name = v.substring(0, lt).trim();
                if (!address.isEmpty()) {
                    return new Mailbox(name.isEmpty() ? fallback.displayName : Optional.of(name), address);
                }
            }
        }
        if (v.indexOf('@') > 0 && v.chars().noneMatch(Character::isWhitespace)) {
            return of(v);
        }
        return new Mailbox(Optional.of(v), fallback.address);
    }

    /**
     * Formats as {@code Name <address>}, or just the address without a display name. The display name is not
     * encoded; protocol clients apply RFC 2047 encoding themselves.
     *
     * @return the formatted mailbox
     */
    public String format() {
        return displayName.map(n -> n + " <" + address + ">").orElse(address);
    }

    private static String sanitizeName(String name) {
        String n = sanitize(name);
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
            n = n.substring(1, n.length() - 1).trim();
        }
        return n;
    }

    private static String sanitize(String value) {
        return Sanitize.stripControl(value).replace("<", "").replace(">", "").trim();
    }

    @Override
    public String toString() {
        return format();
    }
}
