package dev.emailconnectors.mailgun;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and writes the {@code Name <address>} mailbox of Mailgun's {@code from} field. */
final class Addresses {
    private static final Mailbox NO_ADDRESS = Mailbox.of("");
    /** Display names made only of RFC 5322 atext and spaces need no quotes. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+");

    private Addresses() {}

    /**
     * Reads a configured sender, {@code "Name <address>"} or an address.
     *
     * @return the mailbox, or empty when it holds no valid address
     */
    static Optional<Mailbox> parse(String value) {
        Mailbox m = Mailbox.parseSendFrom(value == null ? "" : value, NO_ADDRESS);
        return valid(m) ? Optional.of(m) : Optional.empty();
    }

    /**
     * Prepares a rendered {@code replyTo} for the {@code h:Reply-To} header: a mailbox ({@code "Name <address>"} or an
     * address) is written back with its name quoted where needed; anything else is passed on as it is, as Logto does,
     * for Mailgun to interpret.
     */
    static String replyTo(String rendered) {
        return parse(rendered).map(Addresses::format).orElse(rendered);
    }

    /**
     * Checks the sender a template's {@code sendFrom} produced.
     *
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_PAYLOAD} when its address is not valid
     */
    static Mailbox sender(Mailbox from) {
        return checked(from, "sendFrom");
    }

    /**
     * Formats a mailbox for a JSON field: {@code Name <address>}, quoting the name when it has characters such as
     * commas, dots or non-ASCII letters that RFC 5322 allows only in a quoted string.
     */
    static String format(Mailbox m) {
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
