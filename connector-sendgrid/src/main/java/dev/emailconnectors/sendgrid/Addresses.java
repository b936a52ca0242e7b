package dev.emailconnectors.sendgrid;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;

/** Turns rendered sender and reply-to values into mailboxes SendGrid accepts. */
final class Addresses {
    private static final Mailbox NO_ADDRESS = Mailbox.of("");

    private Addresses() {}

    /**
     * Reads a rendered {@code replyTo}: {@code "Name <address>"} or an address.
     *
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_PAYLOAD} when it holds no valid address
     */
    static Mailbox replyTo(String rendered) {
        return checked(Mailbox.parseSendFrom(rendered, NO_ADDRESS), "replyTo");
    }

    /**
     * Checks the sender a template's {@code sendFrom} produced.
     *
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_PAYLOAD} when its address is not valid
     */
    static Mailbox sender(Mailbox from) {
        return checked(from, "sendFrom");
    }

    private static Mailbox checked(Mailbox mailbox, String field) {
        if (mailbox.address().isEmpty() || !EmailAddress.isValid(mailbox.address())) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_PAYLOAD,
                    "The template's " + field + " does not render to an email address ('Name <address>' or an"
                            + " address)");
        }
        return mailbox;
    }
}
