package dev.emailconnectors.spi;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.internal.AddressList;
import dev.emailconnectors.internal.MimeBody;
import dev.emailconnectors.internal.MimeHeaders;
import dev.emailconnectors.internal.Sanitize;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A complete RFC 5322 message with a MIME body, as bytes: what an SMTP connector sends after {@code DATA}, what an API
 * that takes raw messages (Gmail's {@code raw}, SES raw email) expects, and what an {@code .eml} file holds. Built by
 * every connector the same way:
 *
 * <pre>{@code
 * RenderedEmail email = message.render();
 * MimeEmail mime = MimeEmail.of(message, email, configuredSender, clock.instant());
 * byte[] raw = mime.toByteArray();
 * }</pre>
 *
 * <p>Headers: Date, From, To, Reply-To, Message-ID, Subject, MIME-Version, the custom headers in order, then
 * Content-Type and Content-Transfer-Encoding. Non-ASCII text is RFC 2047 encoded ({@code =?UTF-8?B?…?=}), long values
 * are folded, recipient domains are punycode. The body is plain text, or {@code multipart/alternative} with the plain
 * text first and the HTML second, each part UTF-8 in 7bit, quoted-printable or base64: every byte of the body is
 * ASCII, so only a recipient or sender whose local part is not ASCII makes the message need SMTPUTF8
 * ({@link #requiresSmtpUtf8()}; the address then goes into the header as UTF-8, RFC 6532). Lines end in CRLF.
 * Immutable and thread-safe.
 */
public final class MimeEmail {
    /** Headers the builder writes itself; {@link Builder#header(String, String)} refuses them. */
    public static final Set<String> RESERVED_HEADERS = Set.of(
            "from",
            "to",
            "cc",
            "bcc",
            "subject",
            "date",
            "message-id",
            "reply-to",
            "mime-version",
            "content-type",
            "content-transfer-encoding",
            "return-path");

    private final byte[] bytes;
    private final String messageId;
    private final boolean smtpUtf8;

    private MimeEmail(byte[] bytes, String messageId, boolean smtpUtf8) {
        this.bytes = bytes;
        this.messageId = messageId;
        this.smtpUtf8 = smtpUtf8;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds the message for an outbound message the usual way: the template's sender ({@code sendFrom}) or the
     * configured one, the checked recipient, the rendered reply-to, subject and body, and a Message-ID made of
     * {@link OutboundMessage#messageId()} on the sender's domain (stable across retries of one idempotency key).
     *
     * @param message the outbound message
     * @param email its rendered content
     * @param configuredSender the connector's configured sender
     * @param date the Date header
     * @return the message
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_PAYLOAD} when the sender or the reply-to is not an
     *     email address
     */
    public static MimeEmail of(OutboundMessage message, RenderedEmail email, Mailbox configuredSender, Instant date) {
        Builder b = builder()
                .date(date)
                .from(email.from(configuredSender))
                .to(message.to())
                .messageId(message.messageId())
                .subject(email.subject())
                .body(email);
        email.replyTo().filter(r -> !r.isBlank()).ifPresent(b::replyTo);
        return b.build();
    }

    /**
     * Parses an address list as a Reply-To field holds it ({@code a@example.com, Support <help@example.com>}).
     *
     * @param list the text
     * @return the mailboxes, each address checked
     * @throws IllegalArgumentException with a reason that reads after the field's name ("holds 'x', which is not a
     *     valid email address")
     */
    public static List<Mailbox> addressList(String list) {
        return AddressList.parse(Objects.requireNonNull(list, "list"));
    }

    /**
     * Tells whether a header value could be written as a custom header: no control characters (CR and LF would start
     * a new header line, NUL and the other C0 controls break mail software), no DEL.
     *
     * @param value the value
     * @return true when acceptable
     */
    public static boolean isHeaderValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells whether a name is an RFC 5322 field name: printable ASCII except {@code :}, not empty.
     *
     * @param name the name
     * @return true when acceptable
     */
    public static boolean isHeaderName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 33 || c > 126 || c == ':') {
                return false;
            }
        }
        return true;
    }

    /** @return the Message-ID header value, with its angle brackets ({@code <msg_…@example.com>}) */
    public String messageId() {
        return messageId;
    }

    /** @return whether a header holds a UTF-8 address, so that SMTP needs the SMTPUTF8 extension */
    public boolean requiresSmtpUtf8() {
        return smtpUtf8;
    }

    /** @return the size in bytes */
    public int size() {
        return bytes.length;
    }

    /** @return a copy of the message bytes */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /**
     * Writes the message.
     *
     * @param out where to
     * @throws IOException from the stream
     */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    @Override
    public String toString() {
        return "MimeEmail[" + messageId + ", " + bytes.length + " bytes]";
    }

    /** Builds a {@link MimeEmail}. From, To and a body are required; everything else is optional. */
    public static final class Builder {
        private Instant date;
        private Mailbox from;
        private EmailAddress to;
        private List<Mailbox> replyTo = List.of();
        private String subject = "";
        private String messageId;
        private final List<String[]> headers = new ArrayList<>();
        private String text;
        private String html;

        private Builder() {}

        /**
         * Sets the Date header (default: now).
         *
         * @param date the time
         * @return this builder
         */
        public Builder date(Instant date) {
            this.date = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * Sets the sender. Its address is checked when the message is built.
         *
         * @param from the sender
         * @return this builder
         */
        public Builder from(Mailbox from) {
            this.from = Objects.requireNonNull(from, "from");
            return this;
        }

        /**
         * Sets the recipient.
         *
         * @param to the checked recipient
         * @return this builder
         */
        public Builder to(EmailAddress to) {
            this.to = Objects.requireNonNull(to, "to");
            return this;
        }

        /**
         * Sets the Reply-To mailboxes.
         *
         * @param replyTo the mailboxes (their addresses are checked when the message is built)
         * @return this builder
         */
        public Builder replyTo(List<Mailbox> replyTo) {
            this.replyTo = List.copyOf(replyTo);
            return this;
        }

        /**
         * Sets the Reply-To from an address list ({@code a@example.com, Support <help@example.com>}).
         *
         * @param list the list
         * @return this builder
         * @throws EmailConnectorException with {@link ErrorCode#INVALID_PAYLOAD} when it is not an address list
         */
        public Builder replyTo(String list) {
            try {
                this.replyTo = AddressList.parse(list);
            } catch (IllegalArgumentException e) {
                throw new EmailConnectorException(ErrorCode.INVALID_PAYLOAD, "The Reply-To " + e.getMessage());
            }
            return this;
        }

        /**
         * Sets the subject (control characters are removed).
         *
         * @param subject the subject
         * @return this builder
         */
        public Builder subject(String subject) {
            this.subject = Sanitize.stripControl(Objects.requireNonNull(subject, "subject"));
            return this;
        }

        /**
         * Sets the local part of the Message-ID; the domain is the sender's ({@code <id@sender-domain>}). Default: a
         * random id.
         *
         * @param id letters, digits, {@code _ . -} only, for example {@link OutboundMessage#messageId()}
         * @return this builder
         */
        public Builder messageId(String id) {
            if (id.isEmpty()
                    || !id.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || "_.-".indexOf(c) >= 0))) {
                throw new IllegalArgumentException("A Message-ID local part must be letters, digits, '_', '.' or '-'");
            }
            this.messageId = id;
            return this;
        }

        /**
         * Adds a header line after the standard ones (the same name may be added several times).
         *
         * @param name an RFC 5322 field name that the builder does not write itself
         * @param value the value, without control characters; RFC 2047 encoded when not ASCII
         * @return this builder
         * @throws IllegalArgumentException for a bad or reserved name, or a value with control characters
         */
        public Builder header(String name, String value) {
            if (!isHeaderName(name) || RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("'" + Sanitize.forMessage(name) + "' cannot be a custom header");
            }
            if (!isHeaderValue(value)) {
                throw new IllegalArgumentException(
                        "The value of header " + name + " contains a control character (CR, LF, NUL or another)");
            }
            headers.add(new String[] {name, value});
            return this;
        }

        /**
         * Sets a plain-text body.
         *
         * @param text the text
         * @return this builder
         */
        public Builder text(String text) {
            this.text = Objects.requireNonNull(text, "text");
            this.html = null;
            return this;
        }

        /**
         * Sets an HTML body with its plain-text alternative.
         *
         * @param html the HTML
         * @param text the plain text
         * @return this builder
         */
        public Builder html(String html, String text) {
            this.html = Objects.requireNonNull(html, "html");
            this.text = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * Sets the body from a rendered template: HTML with its derived text, or the text.
         *
         * @param email the rendered email
         * @return this builder
         */
        public Builder body(RenderedEmail email) {
            return email.isHtml() ? html(email.content(), email.text()) : text(email.content());
        }

        /**
         * Builds the message.
         *
         * @return the message
         * @throws EmailConnectorException with {@link ErrorCode#INVALID_PAYLOAD} when the sender or a reply-to
         *     address is invalid
         * @throws IllegalStateException when from, to or the body is missing
         */
        public MimeEmail build() {
            if (from == null || to == null || text == null) {
                throw new IllegalStateException("A message needs a sender, a recipient and a body");
            }
            String senderAddress = from.address();
            EmailAddress sender = isLocalHostAddress(senderAddress) ? null : checked(senderAddress, "sender");
            String domain = sender == null ? "localhost" : sender.asciiDomain();
            String id = "<" + (messageId == null ? randomId() : messageId) + "@" + domain + ">";
            MimeBody body = MimeBody.of(text, html);
            StringBuilder h = new StringBuilder(512);
            line(h, "Date", MimeHeaders.date(date == null ? Instant.now() : date));
            line(h, "From", MimeHeaders.mailbox(from, sender == null ? senderAddress : sender.toAscii()));
            line(h, "To", to.toAscii());
            if (!replyTo.isEmpty()) {
                StringBuilder list = new StringBuilder();
                for (Mailbox m : replyTo) {
                    list.append(list.length() == 0 ? "" : ",\r\n ")
                            .append(MimeHeaders.mailbox(m, checked(m.address(), "Reply-To address")));
                }
                line(h, "Reply-To", list.toString());
            }
            line(h, "Message-ID", id);
            line(h, "Subject", MimeHeaders.text("Subject", subject));
            line(h, "MIME-Version", "1.0");
            for (String[] header : headers) {
                line(h, header[0], MimeHeaders.text(header[0], header[1]));
            }
            line(h, "Content-Type", body.contentType());
            line(h, "Content-Transfer-Encoding", body.encoding());
            h.append("\r\n");
            byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
            byte[] all = Arrays.copyOf(head, head.length + body.bytes().length);
            System.arraycopy(body.bytes(), 0, all, head.length, body.bytes().length);
            return new MimeEmail(all, id, to.requiresSmtpUtf8() || (sender != null && sender.requiresSmtpUtf8()));
        }

        /** A sender on this machine ({@code no-reply@localhost}), as a local outbox uses: a single-label domain. */
        private static boolean isLocalHostAddress(String address) {
            return address.matches("[A-Za-z0-9._%+-]+@localhost");
        }

        private static EmailAddress checked(String address, String what) {
            try {
                return EmailAddress.parse(address);
            } catch (EmailConnectorException e) {
                throw new EmailConnectorException(
                        ErrorCode.INVALID_PAYLOAD,
                        "The " + what + " '" + Sanitize.forMessage(address) + "' is not a valid email address");
            }
        }

        private static void line(StringBuilder h, String name, String value) {
            h.append(name).append(": ").append(value).append("\r\n");
        }

        private static String randomId() {
            byte[] random = new byte[16];
            java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
            return "msg_" + java.util.HexFormat.of().formatHex(random);
        }
    }
}
