package dev.emailconnectors.ses;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.spi.RenderedEmail;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/** Builds {@code SendEmail} requests (a {@code Simple} message, UTF-8 throughout) from rendered templates. */
final class SesRequests {
    private static final String CHARSET = "UTF-8";

    private final SesConfig config;
    private final Mailbox sender;

    SesRequests(SesConfig config) {
        this.config = config;
        this.sender = Mailbox.of(config.emailAddress().orElse(""));
    }

    /**
     * Builds the request for one message.
     *
     * @param to the checked recipient
     * @param email the rendered template
     * @return the request
     */
    SendEmailRequest build(EmailAddress to, RenderedEmail email) {
        String recipient = Addresses.recipient(to);
        String from = Addresses.format(email.from(sender), "sender");
        Body.Builder body = Body.builder();
        if (email.isHtml()) {
            body.html(utf8(email.content())).text(utf8(email.text()));
        } else {
            body.text(utf8(email.content()));
        }
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(Destination.builder().toAddresses(recipient).build())
                .content(EmailContent.builder()
                        .simple(Message.builder()
                                .subject(utf8(email.subject()))
                                .body(body.build())
                                .build())
                        .build());
        email.replyTo()
                .filter(r -> !r.isBlank())
                .map(r -> Addresses.format(Addresses.parseReplyTo(r), "reply-to"))
                .ifPresent(request::replyToAddresses);
        config.emailAddressIdentityArn().ifPresent(request::fromEmailAddressIdentityArn);
        config.feedbackForwardingEmailAddress()
                .map(a -> EmailAddress.parse(a).toAscii())
                .ifPresent(request::feedbackForwardingEmailAddress);
        config.feedbackForwardingEmailAddressIdentityArn()
                .ifPresent(request::feedbackForwardingEmailAddressIdentityArn);
        config.configurationSetName().ifPresent(request::configurationSetName);
        return request.build();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(CHARSET).build();
    }
}
