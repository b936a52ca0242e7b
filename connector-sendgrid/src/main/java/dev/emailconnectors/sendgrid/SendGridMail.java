package dev.emailconnectors.sendgrid;

import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.Personalization;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.okhttp.Mailboxes;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import dev.emailconnectors.spi.StoredTemplates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Builds the JSON body of {@code POST /v3/mail/send} with sendgrid-java's mail model: one personalization with the
 * recipient, {@code from} with the sender's name, {@code reply_to}, and either {@code subject} with
 * {@code text/plain} content before {@code text/html} content, or {@code template_id} with the payload as
 * {@code dynamic_template_data}.
 */
final class SendGridMail {
    private SendGridMail() {}

    static byte[] body(OutboundMessage message, StoredTemplates.Entry entry, Mailbox configuredFrom) {
        Mail mail = new Mail();
        Personalization personalization = new Personalization();
        personalization.addTo(new Email(message.to().toAscii()));
        mail.addPersonalization(personalization);
        RenderedEmail rendered;
        if (entry instanceof StoredTemplates.Stored dynamic) {
            rendered = message.render(dynamic.headers());
            mail.setTemplateId(dynamic.reference());
            message.payload().asMap().forEach(personalization::addDynamicTemplateData);
        } else {
            rendered = message.render(((StoredTemplates.Rendered) entry).template());
            mail.setSubject(rendered.subject());
            if (!rendered.text().isBlank()) {
                mail.addContent(new Content("text/plain", rendered.text()));
            }
            rendered.html().ifPresent(html -> mail.addContent(new Content("text/html", html)));
        }
        mail.setFrom(email(Mailboxes.sender(rendered.from(configuredFrom))));
        rendered.replyTo().map(Mailboxes::replyTo).ifPresent(r -> mail.setReplyTo(email(r)));
        try {
            return mail.build().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmailConnectorException(ErrorCode.INVALID_PAYLOAD, "The message could not be written as JSON", e);
        }
    }

    private static Email email(Mailbox mailbox) {
        return new Email(mailbox.address(), mailbox.displayName().orElse(null));
    }
}
