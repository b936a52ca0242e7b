package dev.emailconnectors.mailgun;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.okhttp.Mailboxes;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.MultipartBody;

/**
 * The form fields of one {@code POST /v3/<domain>/messages}, sent as {@code multipart/form-data} (the encoding
 * Mailgun documents): {@code from}, {@code to}, {@code subject}, then {@code html} and {@code text} for a rendered
 * message or {@code template} and {@code t:variables} for a Mailgun template, and {@code h:Reply-To}.
 *
 * <p>Template variables travel in {@code t:variables}, which Mailgun uses only to render the template, rather than in
 * {@code h:X-Mailgun-Variables} (Logto's choice) or {@code v:} fields, which Mailgun copies into the
 * {@code X-Mailgun-Variables} header of the delivered message: there the whole payload (the one-time code, the user's
 * name and e-mail address, the organization) would be visible to every mailbox and relay the message passes.
 */
final class MailgunMessage {
    /** Mailgun's limit on all send options ({@code o:}, {@code h:}, {@code v:} and {@code t:} fields) together. */
    static final int OPTIONS_LIMIT = 16 * 1024;

    private static final Pattern OPTION = Pattern.compile("[ohvt]:.*");

    private MailgunMessage() {}

    static Map<String, String> fields(OutboundMessage message, Deliveries.Entry entry, Mailbox configuredFrom) {
        Map<String, String> fields = new LinkedHashMap<>();
        RenderedEmail rendered;
        if (entry instanceof Deliveries.Stored stored) {
            rendered = message.render(stored.headers());
            start(fields, message, rendered, configuredFrom);
            fields.put("template", stored.name());
            ObjectNode variables = stored.variables().deepCopy();
            variables.setAll((ObjectNode) message.payload().toJson());
            fields.put("t:variables", variables.toString());
        } else {
            Deliveries.Rendered raw = (Deliveries.Rendered) entry;
            rendered = message.render(raw.template());
            start(fields, message, rendered, configuredFrom);
            rendered.html().ifPresent(html -> fields.put("html", html));
            String text = raw.text()
                    .map(t -> message.render(EmailTemplate.text(raw.template().usageType(), "", t))
                            .content())
                    .orElse(rendered.text());
            if (!text.isBlank()) {
                fields.put("text", text);
            }
        }
        rendered.replyTo().map(MailgunMessage::replyTo).ifPresent(r -> fields.put("h:Reply-To", r));
        checkOptionsSize(fields);
        return fields;
    }

    private static void start(
            Map<String, String> fields, OutboundMessage message, RenderedEmail rendered, Mailbox configuredFrom) {
        fields.put("from", Mailboxes.format(Mailboxes.sender(rendered.from(configuredFrom))));
        fields.put("to", message.to().toAscii());
        if (!rendered.subject().isEmpty()) {
            fields.put("subject", rendered.subject());
        }
    }

    /**
     * Fails before any request when the send options exceed Mailgun's 16 kB, which Mailgun would refuse with a 400.
     * Names and values are counted in UTF-8 bytes.
     */
    static void checkOptionsSize(Map<String, String> fields) {
        long size = 0;
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (OPTION.matcher(f.getKey()).matches()) {
                size += f.getKey().getBytes(StandardCharsets.UTF_8).length
                        + f.getValue().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        if (size > OPTIONS_LIMIT) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_PAYLOAD,
                    "The Mailgun send options (o:, h:, v: and t: fields, here the template variables and headers) take "
                            + size + " bytes, more than Mailgun's limit of " + OPTIONS_LIMIT
                            + " bytes; send a smaller payload or fewer template variables");
        }
    }

    static MultipartBody form(Map<String, String> fields) {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        fields.forEach(form::addFormDataPart);
        return form.build();
    }

    /**
     * Prepares a rendered {@code replyTo} for the {@code h:Reply-To} header: a mailbox ({@code "Name <address>"} or an
     * address) is written back with its name quoted where needed; anything else is passed on as it is, as Logto does,
     * for Mailgun to interpret.
     */
    private static String replyTo(String rendered) {
        return Mailboxes.parse(rendered).map(Mailboxes::format).orElse(rendered);
    }
}
