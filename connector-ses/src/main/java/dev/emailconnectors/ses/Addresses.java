package dev.emailconnectors.ses;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Formats mailboxes the way SES accepts them: 7-bit only. Domains go to punycode, a non-ASCII display name becomes
 * RFC 2047 encoded words, and a UTF-8 local part is refused because SES does not support SMTPUTF8 (RFC 6531).
 */
final class Addresses {
    private static final String SPECIALS = "()<>[]:;@\\,.\"";
    private static final int MAX_WORD_BYTES = 45; // 60 base64 characters: encoded words stay within 75 characters

    private Addresses() {}

    /**
     * Returns the recipient as SES needs it.
     *
     * @param to the checked recipient
     * @return the address with a punycode domain
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_RECIPIENT} for a UTF-8 local part
     */
    static String recipient(EmailAddress to) {
        if (to.requiresSmtpUtf8()) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_RECIPIENT,
                    "Recipient '" + to + "' has a non-ASCII local part; SES does not support SMTPUTF8 (RFC 6531)");
        }
        return to.toAscii();
    }

    /**
     * Formats a sender or reply-to mailbox.
     *
     * @param mailbox the mailbox
     * @param role what the mailbox is, for messages ("sender", "reply-to")
     * @return {@code address}, {@code "Name" <address>} or {@code =?UTF-8?B?…?= <address>}
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} when the address is unusable
     */
    static String format(Mailbox mailbox, String role) {
        String address = ascii(mailbox.address(), role);
        return mailbox.displayName()
                .map(n -> displayName(n) + " <" + address + ">")
                .orElse(address);
    }

    /**
     * Parses a rendered reply-to value: {@code Name <address>} or a bare address.
     *
     * @param value the rendered value
     * @return the mailbox
     */
    static Mailbox parseReplyTo(String value) {
        String v = value.trim();
        int lt = v.lastIndexOf('<');
        if (v.endsWith(">") && lt >= 0) {
            return new Mailbox(Optional.of(v.substring(0, lt).trim()), v.substring(lt + 1, v.length() - 1));
        }
        return Mailbox.of(v);
    }

    private static String ascii(String address, String role) {
        EmailAddress parsed;
        try {
            parsed = EmailAddress.parse(address);
        } catch (EmailConnectorException e) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_CONFIG,
                    "The " + role + " '" + address + "' is not a valid email address; check emailAddress and the"
                            + " template's " + (role.equals("sender") ? "sendFrom" : "replyTo"));
        }
        if (parsed.requiresSmtpUtf8()) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_CONFIG,
                    "The " + role + " '" + address + "' has a non-ASCII local part, which SES cannot send");
        }
        return parsed.toAscii();
    }

    static String displayName(String name) {
        if (!name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return encodedWords(name);
        }
        if (name.chars().noneMatch(c -> SPECIALS.indexOf(c) >= 0)) {
            return name;
        }
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** RFC 2047 "B" encoding, split between characters so that each word stays within 75 characters. */
    private static String encodedWords(String name) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start < name.length()) {
            int end = start;
            int bytes = 0;
            while (end < name.length()) {
                int cp = name.codePointAt(end);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > MAX_WORD_BYTES) {
                    break;
                }
                bytes += size;
                end += Character.charCount(cp);
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            byte[] chunk = name.substring(start, end).getBytes(StandardCharsets.UTF_8);
            out.append("=?UTF-8?B?")
                    .append(Base64.getEncoder().encodeToString(chunk))
                    .append("?=");
            start = end;
        }
        return out.toString();
    }
}
