package dev.emailconnectors.smtp;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.smtp.TrackingTransport.Phase;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Maps failures while sending a message to {@link EmailConnectorException}s: reply codes to error codes (with the code
 * and enhanced status on the exception), lost connections and timeouts by how far the transaction got.
 */
final class SmtpErrors {
    /** Phases in which nothing can have been accepted, so a lost connection may be replaced and the message resent. */
    private static final Set<Phase> NOT_ACCEPTED = EnumSet.of(Phase.READY, Phase.MAIL, Phase.RCPT, Phase.DATA);

    private SmtpErrors() {}

    /**
     * What a failed send means.
     *
     * @param exception the error for the caller
     * @param reusable whether the connection can serve the next message
     * @param stale whether the connection was dead before the message could be accepted (replace it and resend once)
     */
    record Failure(EmailConnectorException exception, boolean reusable, boolean stale) {}

    static Failure ofSend(Exception e, TrackingTransport transport, SmtpSettings settings) {
        Phase phase = transport.phase();
        SMTPAddressFailedException rcpt = find(e, SMTPAddressFailedException.class);
        if (rcpt != null) {
            return ofReply(Reply.parse(rcpt.getReturnCode(), rcpt.getMessage()), phase, true, e);
        }
        SMTPSendFailedException command = find(e, SMTPSendFailedException.class);
        IOException io = Causes.find(e, IOException.class);
        if (command != null && command.getReturnCode() > 0 && io == null) {
            return ofReply(Reply.parse(command.getReturnCode(), command.getMessage()), phase, false, e);
        }
        boolean notAccepted = NOT_ACCEPTED.contains(phase);
        if (io instanceof SocketTimeoutException) {
            String when = notAccepted
                    ? "before the message was sent"
                    : "after the message was sent; it may or may not have been accepted";
            return new Failure(
                    EmailConnectorException.builder(
                                    ErrorCode.TIMEOUT,
                                    "The SMTP server at " + settings.endpoint() + " did not answer within "
                                            + settings.timeouts().socket().toMillis() + " ms " + when)
                            .cause(e)
                            .build(),
                    false,
                    false);
        }
        if (io != null || e instanceof IllegalStateException || transport.getLastReturnCode() == -1) {
            String when = notAccepted
                    ? "before the message was complete, so it was not accepted"
                    : "after the message was sent, before the server confirmed it; it may have been accepted";
            return new Failure(
                    new EmailConnectorException(
                            ErrorCode.PROVIDER_UNAVAILABLE,
                            "The connection to the SMTP server at " + settings.endpoint() + " was lost " + when,
                            e),
                    false,
                    notAccepted);
        }
        return new Failure(
                new EmailConnectorException(ErrorCode.GENERAL, "Sending failed: " + e.getMessage(), e), false, false);
    }

    private static Failure ofReply(Reply reply, Phase phase, boolean recipient, Exception cause) {
        if (reply.code() == 421) {
            boolean stale = NOT_ACCEPTED.contains(phase);
            return new Failure(
                    reply.exception(ErrorCode.PROVIDER_UNAVAILABLE, "The SMTP server is closing the connection", cause),
                    false,
                    stale);
        }
        if (reply.isTransient()) {
            return new Failure(
                    reply.exception(ErrorCode.PROVIDER_UNAVAILABLE, "The SMTP server deferred the message", cause),
                    true,
                    false);
        }
        if (reply.code() == 530) {
            return new Failure(
                    reply.exception(
                            ErrorCode.AUTHENTICATION_FAILED,
                            "The SMTP server requires authentication; set auth.user and auth.pass",
                            cause),
                    true,
                    false);
        }
        if (recipient && isBadRecipient(reply)) {
            return new Failure(
                    reply.exception(ErrorCode.INVALID_RECIPIENT, "The SMTP server refused the recipient", cause),
                    true,
                    false);
        }
        if (reply.isPermanent()) {
            String what = recipient ? "the recipient" : phase == Phase.MAIL ? "the sender" : "the message";
            return new Failure(
                    reply.exception(ErrorCode.PROVIDER_REJECTED, "The SMTP server rejected " + what, cause),
                    true,
                    false);
        }
        return new Failure(
                reply.exception(ErrorCode.INVALID_RESPONSE, "The SMTP server gave an unexpected reply", cause),
                false,
                false);
    }

    /** 550, 551 and 553 (no such mailbox, not local, mailbox name not allowed), and any 5.1.x addressing status. */
    private static boolean isBadRecipient(Reply reply) {
        int c = reply.code();
        return c == 550
                || c == 551
                || c == 553
                || (reply.isPermanent()
                        && reply.enhanced() != null
                        && reply.enhanced().startsWith("5.1."));
    }

    private static <T extends Throwable> T find(Exception e, Class<T> type) {
        for (Exception x = e; x != null; ) {
            if (type.isInstance(x)) {
                return type.cast(x);
            }
            x = x instanceof MessagingException ? ((MessagingException) x).getNextException() : null;
        }
        return null;
    }
}
