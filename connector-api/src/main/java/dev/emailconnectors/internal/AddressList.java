package dev.emailconnectors.internal;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.Mailbox;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an RFC 5322 address list as people type it into a Reply-To field: {@code a@example.com},
 * {@code Support <help@example.com>}, {@code "Example, Inc." <help@example.com>}, separated by commas, with comments in
 * parentheses ignored. Groups are not supported. Internal: not exported.
 */
public final class AddressList {
    private AddressList() {}

    /**
     * Parses and checks a list.
     *
     * @param list the text
     * @return the mailboxes, in order
     * @throws IllegalArgumentException saying what is wrong, for a message that starts with the field's name
     */
    public static List<Mailbox> parse(String list) {
        List<Mailbox> out = new ArrayList<>();
        for (String element : split(list)) {
            String e = element.strip();
            if (!e.isEmpty()) {
                out.add(mailbox(e));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("holds no email address");
        }
        return out;
    }

    /** Splits at commas outside quotes, angle brackets and comments, dropping comments. */
    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean angle = false;
        int comment = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw malformed("a control character");
            }
            if (comment > 0) {
                if (c == '\\' && i + 1 < list.length()) {
                    i++;
                } else if (c == '(') {
                    comment++;
                } else if (c == ')') {
                    comment--;
                }
                continue;
            }
            if (quoted) {
                current.append(c);
                if (c == '\\' && i + 1 < list.length()) {
                    current.append(list.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    current.append(c);
                }
                case '(' -> comment = 1;
                case ')' -> throw malformed("an unbalanced ')'");
                case '<' -> {
                    if (angle) {
                        throw malformed("a '<' inside '<…>'");
                    }
                    angle = true;
                    current.append(c);
                }
                case '>' -> {
                    if (!angle) {
                        throw malformed("a '>' without '<'");
                    }
                    angle = false;
                    current.append(c);
                }
                case ',' -> {
                    if (angle) {
                        throw malformed("a ',' inside '<…>'");
                    }
                    out.add(current.toString());
                    current.setLength(0);
                }
                case ':', ';' -> throw malformed("a group or a '" + c + "'");
                default -> current.append(c);
            }
        }
        if (quoted || angle || comment > 0) {
            throw malformed(quoted ? "an unclosed quote" : angle ? "an unclosed '<'" : "an unclosed '('");
        }
        out.add(current.toString());
        return out;
    }

    private static Mailbox mailbox(String element) {
        int lt = lastOutsideQuotes(element, '<');
        String name = null;
        String address;
        if (lt >= 0) {
            int gt = element.indexOf('>', lt);
            if (!element.substring(gt + 1).isBlank()) {
                throw malformed("text after '>'");
            }
            address = element.substring(lt + 1, gt).strip();
            name = unquote(element.substring(0, lt).strip());
        } else {
            address = element;
        }
        if (!EmailAddress.isValid(address)) {
            throw new IllegalArgumentException(
                    "holds '" + Sanitize.forMessage(address) + "', which is not a valid email address");
        }
        return Mailbox.of(name == null || name.isEmpty() ? null : name, address);
    }

    private static int lastOutsideQuotes(String s, char wanted) {
        boolean quoted = false;
        int found = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == wanted) {
                found = i;
            }
        }
        return found;
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            StringBuilder out = new StringBuilder(name.length());
            for (int i = 1; i < name.length() - 1; i++) {
                char c = name.charAt(i);
                if (c == '\\' && i + 1 < name.length() - 1) {
                    c = name.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        return name;
    }

    private static IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException("is not a list of email addresses (it has " + what + ")");
    }
}
