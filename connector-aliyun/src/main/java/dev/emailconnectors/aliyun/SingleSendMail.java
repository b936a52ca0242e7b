package dev.emailconnectors.aliyun;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.spi.RenderedEmail;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds the parameters of a {@code SingleSendMail} call and signs them. The message parameters are built once per
 * message; the common parameters ({@code Timestamp}, a fresh {@code SignatureNonce}) and the signature are made anew for
 * every attempt, because DirectMail refuses a nonce it has seen.
 */
final class SingleSendMail {
    static final String VERSION = "2015-11-23";
    static final String METHOD = "POST";

    private final AliyunConfig config;
    private final Clock clock;
    private final Supplier<String> nonces;

    SingleSendMail(AliyunConfig config, Clock clock) {
        this(config, clock, () -> UUID.randomUUID().toString());
    }

    SingleSendMail(AliyunConfig config, Clock clock, Supplier<String> nonces) {
        this.config = config;
        this.clock = clock;
        this.nonces = nonces;
    }

    /**
     * Returns the message's own parameters.
     *
     * @param to the checked recipient
     * @param email the rendered template
     * @return the parameters, sorted by name
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_RECIPIENT} for a UTF-8 local part
     */
    Map<String, String> message(EmailAddress to, RenderedEmail email) {
        if (to.requiresSmtpUtf8()) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_RECIPIENT,
                    "Recipient '" + to + "' has a non-ASCII local part, which DirectMail does not accept");
        }
        Mailbox from = email.from(new Mailbox(config.fromAlias(), config.accountName()));
        Map<String, String> p = new TreeMap<>();
        p.put("Action", "SingleSendMail");
        p.put("AccountName", ascii(from.address(), "sender (accountName or the template's sendFrom)"));
        p.put("AddressType", "1");
        p.put("ReplyToAddress", Boolean.toString(config.replyToAddress()));
        p.put("ToAddress", to.toAscii());
        p.put("Subject", email.subject());
        p.put(email.isHtml() ? "HtmlBody" : "TextBody", email.content());
        from.displayName().ifPresent(alias -> p.put("FromAlias", alias));
        config.tagName().ifPresent(tag -> p.put("TagName", tag));
        email.replyTo().filter(r -> !r.isBlank()).ifPresent(r -> replyAddress(r, p));
        return p;
    }

    /** A template's reply-to goes to {@code ReplyAddress} (and {@code ReplyAddressAlias} for "Name <address>"). */
    private static void replyAddress(String value, Map<String, String> p) {
        String v = value.trim();
        int lt = v.lastIndexOf('<');
        Mailbox reply = v.endsWith(">") && lt >= 0
                ? Mailbox.of(v.substring(0, lt).trim(), v.substring(lt + 1, v.length() - 1))
                : Mailbox.of(v);
        p.put("ReplyAddress", ascii(reply.address(), "template's replyTo"));
        reply.displayName().ifPresent(name -> p.put("ReplyAddressAlias", name));
    }

    private static String ascii(String address, String what) {
        try {
            EmailAddress parsed = EmailAddress.parse(address);
            if (!parsed.requiresSmtpUtf8()) {
                return parsed.toAscii();
            }
        } catch (EmailConnectorException e) {
            // reported below
        }
        throw new EmailConnectorException(
                ErrorCode.INVALID_CONFIG, "The " + what + " '" + address + "' is not an ASCII email address");
    }

    /**
     * Adds the common parameters with a fresh timestamp and nonce, and the signature.
     *
     * @param message the message's parameters
     * @return every parameter, {@code Signature} included
     */
    Map<String, String> signed(Map<String, String> message) {
        Map<String, String> p = new TreeMap<>(message);
        p.put("AccessKeyId", config.accessKeyId());
        p.put("Format", "JSON");
        p.put("RegionId", config.region().id());
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", nonces.get());
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        p.put("Version", VERSION);
        p.put("Signature", AliyunSignature.sign(METHOD, p, config.accessKeySecret()));
        return p;
    }

    /** @return the parameters as an {@code application/x-www-form-urlencoded} body, RFC 3986-encoded */
    static String form(Map<String, String> parameters) {
        StringJoiner body = new StringJoiner("&");
        parameters.forEach((name, value) ->
                body.add(AliyunSignature.percentEncode(name) + "=" + AliyunSignature.percentEncode(value)));
        return body.toString();
    }
}
