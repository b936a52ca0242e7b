package dev.emailconnectors.smtp;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.Mailbox;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parsing and checking of sender and reply-to addresses, and their wire form (punycode domains). */
final class Addresses {
    private Addresses() {}

    /**
     * Reads a sender the way nodemailer does: {@code "Name <address>"} or a bare address.
     *
     * @param value the configured value
     * @return the mailbox (not yet checked)
     */
    static Mailbox mailbox(String value) {
        Mailbox bare = Mailbox.of(value);
        return Mailbox.parseSendFrom(value, bare);
    }

    /**
     * Checks an address.
     *
     * @param address the address
     * @return the parsed address
     * @throws EmailConnectorException with {@code INVALID_RECIPIENT} when malformed
     */
    static EmailAddress check(String address) {
        return EmailAddress.parse(address);
    }

    /**
     * Parses a comma-separated list of mailboxes and checks each address.
     *
     * @param list the list, for example {@code "Support <help@example.com>, ops@example.com"}
     * @return the mailboxes
     * @throws IllegalArgumentException saying what is wrong
     */
    static List<Mailbox> list(String list) {
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parse(list, false);
        } catch (AddressException e) {
            throw new IllegalArgumentException("is not a list of email addresses (" + e.getMessage() + ")");
        }
        if (parsed.length == 0) {
            throw new IllegalArgumentException("holds no email address");
        }
        List<Mailbox> out = new ArrayList<>();
        for (InternetAddress a : parsed) {
            if (!EmailAddress.isValid(a.getAddress())) {
                throw new IllegalArgumentException(
                        "holds '" + a.getAddress() + "', which is not a valid email address");
            }
            out.add(Mailbox.of(a.getPersonal(), a.getAddress()));
        }
        return out;
    }

    /**
     * Builds the header and envelope form of a mailbox: punycode domain, display name RFC 2047 encoded when needed.
     *
     * @param mailbox the mailbox
     * @return the address
     */
    static InternetAddress internet(Mailbox mailbox) {
        EmailAddress address = check(mailbox.address());
        InternetAddress a = new InternetAddress();
        a.setAddress(address.toAscii());
        if (mailbox.displayName().isPresent()) {
            try {
                a.setPersonal(mailbox.displayName().get(), StandardCharsets.UTF_8.name());
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
        }
        return a;
    }

    /**
     * Builds the wire form of a checked recipient.
     *
     * @param address the recipient
     * @return the address with its domain in punycode
     */
    static InternetAddress internet(EmailAddress address) {
        InternetAddress a = new InternetAddress();
        a.setAddress(address.toAscii());
        return a;
    }
}
