package dev.emailconnectors;

import dev.emailconnectors.internal.Sanitize;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A checked recipient address (an RFC 5321/5322 {@code addr-spec}). Every connector checks the recipient with this
 * class before any byte goes on the wire, so a malformed or hostile address fails fast with
 * {@link ErrorCode#INVALID_RECIPIENT}.
 *
 * <p>Rules: a dot-atom or quoted local part of at most 64 octets; a domain name (internationalized names accepted and
 * converted to punycode for the wire) with at least two labels; at most 254 octets in all; no whitespace outside quotes
 * and no control characters anywhere. Address literals ({@code user@[192.0.2.1]}) are refused. A local part with
 * non-ASCII characters is accepted and flagged by {@link #requiresSmtpUtf8()}.
 */
public final class EmailAddress {
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";
    private static final int MAX_LOCAL_OCTETS = 64;
    private static final int MAX_ADDRESS_OCTETS = 254;

    private final String localPart;
    private final String domain;
    private final String asciiDomain;
    private final boolean smtpUtf8;

    private EmailAddress(String localPart, String domain, String asciiDomain, boolean smtpUtf8) {
        this.localPart = localPart;
        this.domain = domain;
        this.asciiDomain = asciiDomain;
        this.smtpUtf8 = smtpUtf8;
    }

    /**
     * Parses and checks an address.
     *
     * @param address the address, for example {@code "user@example.com"}
     * @return the checked address
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_RECIPIENT} saying what is wrong
     */
    public static EmailAddress parse(String address) {
        if (address == null || address.isEmpty()) {
            throw invalid(address, "is empty");
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                throw invalid(address, "contains a control character");
            }
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw invalid(address, "must have the form local-part@domain");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        checkLocalPart(address, local);
        String ascii = checkDomain(address, domain);
        boolean utf8 = !isAscii(local);
        int octets = local.getBytes(StandardCharsets.UTF_8).length + 1 + ascii.length();
        if (octets > MAX_ADDRESS_OCTETS) {
            throw invalid(address, "is longer than " + MAX_ADDRESS_OCTETS + " octets");
        }
        return new EmailAddress(local, domain, ascii, utf8);
    }

    /**
     * Tells whether {@link #parse(String)} would accept the address.
     *
     * @param address the address to check
     * @return true when it is acceptable
     */
    public static boolean isValid(String address) {
        try {
            parse(address);
            return true;
        } catch (EmailConnectorException e) {
            return false;
        }
    }

    private static void checkLocalPart(String address, String local) {
        if (local.getBytes(StandardCharsets.UTF_8).length > MAX_LOCAL_OCTETS) {
            throw invalid(address, "has a local part longer than " + MAX_LOCAL_OCTETS + " octets");
        }
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            checkQuoted(address, local.substring(1, local.length() - 1));
            return;
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw invalid(address, "has a dot at the start or end of the local part, or two dots in a row");
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || ATEXT_SPECIALS.indexOf(c) >= 0
                    || (c >= 0x80 && !Character.isWhitespace(c) && !Character.isSpaceChar(c));
            if (!ok) {
                throw invalid(address, "has a character not allowed in an unquoted local part: '" + c + "'");
            }
        }
    }

    private static void checkQuoted(String address, String content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\\') {
                if (++i == content.length()) {
                    throw invalid(address, "ends its quoted local part with a lone backslash");
                }
            } else if (c == '"') {
                throw invalid(address, "has an unescaped quote inside its quoted local part");
            }
        }
    }

    private static String checkDomain(String address, String domain) {
        if (domain.startsWith("[")) {
            throw invalid(address, "uses an address literal; a domain name is required");
        }
        String ascii;
        try {
            ascii = isLdh(domain) ? domain : IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw invalid(address, "has a domain that is not a valid (internationalized) domain name");
        }
        if (ascii.length() > 253) {
            throw invalid(address, "has a domain longer than 253 characters");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            throw invalid(address, "has a domain without a dot");
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63) {
                throw invalid(address, "has an empty or over-long domain label");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw invalid(address, "has a numeric top-level domain");
        }
        return ascii.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a domain is already what {@link IDN#toASCII(String, int)} with STD3 rules returns for it: ASCII letters,
     * digits, hyphens and dots, no label beginning or ending with a hyphen (RFC 3490 skips every other step for an
     * ASCII name). The common case, checked without IDN's normalization machinery.
     */
    private static boolean isLdh(String domain) {
        int labelStart = 0;
        for (int i = 0; i <= domain.length(); i++) {
            char c = i == domain.length() ? '.' : domain.charAt(i);
            if (c == '.') {
                if (i > labelStart && (domain.charAt(labelStart) == '-' || domain.charAt(i - 1) == '-')) {
                    return false;
                }
                labelStart = i + 1;
            } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static EmailConnectorException invalid(String address, String reason) {
        return new EmailConnectorException(
                ErrorCode.INVALID_RECIPIENT, "Recipient address '" + Sanitize.forMessage(address) + "' " + reason);
    }

    /** @return the part before the {@code @}, as given */
    public String localPart() {
        return localPart;
    }

    /** @return the domain as given (possibly internationalized) */
    public String domain() {
        return domain;
    }

    /** @return the domain in ASCII (punycode), lower case */
    public String asciiDomain() {
        return asciiDomain;
    }

    /** @return the address as given */
    public String address() {
        return localPart + "@" + domain;
    }

    /** @return the address with its domain in punycode, as it goes on the wire */
    public String toAscii() {
        return localPart + "@" + asciiDomain;
    }

    /**
     * Returns the form in which limits, de-duplication and suppression lists compare addresses: the whole address in
     * lower case, the domain in punycode. (Local parts are case-sensitive in theory, never in practice.)
     *
     * @return for example {@code "user@xn--bcher-kva.example"} for {@code "User@Bücher.example"}
     */
    public String normalized() {
        return toAscii().toLowerCase(Locale.ROOT);
    }

    /**
     * Tells whether the local part has non-ASCII characters, so delivery needs a server that offers SMTPUTF8
     * (RFC 6531) or a provider API that accepts UTF-8 addresses.
     *
     * @return true for UTF-8 local parts
     */
    public boolean requiresSmtpUtf8() {
        return smtpUtf8;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmailAddress
                && ((EmailAddress) o).localPart.equals(localPart)
                && ((EmailAddress) o).asciiDomain.equals(asciiDomain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(localPart, asciiDomain);
    }

    @Override
    public String toString() {
        return address();
    }
}
