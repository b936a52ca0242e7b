package dev.emailconnectors.okhttp;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and writes the {@code Name <address>} mailboxes that email APIs take in JSON or form fields ({@code from},
 * {@code ReplyTo}, …): what configurations hold and what templates' {@code sendFrom} and {@code replyTo} render to.
 */
public final class Mailboxes {
    private static final Mailbox NO_ADDRESS = Mailbox.of("");
    /** Display names made only of RFC 5322 atext and spaces need no quotes. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+");

    private Mailboxes() {}

    /**
     * Reads a configured mailbox, {@code "Name <address>"} or an address.
     *
     * @param value the value, or null
     * @return the mailbox, or empty when it holds no valid address
     */
    public static Optional<Mailbox> parse(String value) {
        Mailbox m = Mailbox.parseSendFrom(value == null ? "" : value, NO_ADDRESS);
        return valid(m) ? Optional.of(m) : Optional.empty();
    }

    /**
     * Reads a rendered {@code replyTo}: {@code "Name <address>"} or an address.
     *
     * @param rendered the rendered value
     * @return the mailbox
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_PAYLOAD} when it holds no valid address
     */
    public static Mailbox replyTo(String rendered) {
        return checked(Mailbox.parseSendFrom(rendered, NO_ADDRESS), "replyTo");
    }

    /**
     * Checks the sender a template's {@code sendFrom} produced.
     *
     * @param from the sender
     * @return the same sender
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_PAYLOAD} when its address is not valid
     */
    public static Mailbox sender(Mailbox from) {
        return checked(from, "sendFrom");
    }

    /**
     * Formats a mailbox as {@code Name <address>}, quoting the name when it has characters such as commas, dots or
     * non-ASCII letters that RFC 5322 allows only in a quoted string.
     *
     * @param m the mailbox
     * @return the formatted mailbox, or the address alone when it has no display name
     */
    public static String format(Mailbox m) {
        if (m.displayName().isEmpty()) {
            return m.address();
        }
        String name = m.displayName().get();
        if (!PLAIN_NAME.matcher(name).matches()) {
            name = '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return name + " <" + m.address() + ">";
    }

    private static boolean valid(Mailbox m) {
        return !m.address().isEmpty() && EmailAddress.isValid(m.address());
    }

    private static Mailbox checked(Mailbox mailbox, String field) {
        if (!valid(mailbox)) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_PAYLOAD,
                    "The template's " + field + " does not render to an email address ('Name <address>' or an"
                            + " address)");
        }
        return mailbox;
    }
}
