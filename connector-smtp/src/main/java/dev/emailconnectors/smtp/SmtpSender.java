package dev.emailconnectors.smtp;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import jakarta.mail.MessagingException;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Sends prepared messages over pooled connections. A connection that turns out to be dead before the server could
 * have accepted the message (closed while idle, or answering 421) is replaced and the message sent again, once; every
 * other failure is reported as it is.
 */
final class SmtpSender implements EmailSender {
    private final SmtpSettings settings;
    private final MessageFactory messages;
    private final ConnectionFactory connections;
    private final ConnectionPool pool;
    private final ProtocolLog log;
    private final ScheduledThreadPoolExecutor timers;

    SmtpSender(
            SmtpSettings settings,
            MessageFactory messages,
            ConnectionFactory connections,
            ConnectionPool pool,
            ProtocolLog log,
            ScheduledThreadPoolExecutor timers) {
        this.settings = settings;
        this.messages = messages;
        this.connections = connections;
        this.pool = pool;
        this.log = log;
        this.timers = timers;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        MessageFactory.Prepared prepared = messages.prepare(message);
        for (int attempt = 1; ; attempt++) {
            ConnectionPool.Lease lease = pool.borrow(prepared.utf8());
            SmtpConnection connection = lease.connection();
            TrackingTransport transport = connection.transport();
            boolean reusable = false;
            try {
                if (prepared.utf8() && !transport.supportsExtension("SMTPUTF8")) {
                    reusable = true;
                    throw new EmailConnectorException(
                            ErrorCode.INVALID_RECIPIENT,
                            "The address has a non-ASCII local part, which needs SMTPUTF8, and the SMTP server at "
                                    + settings.endpoint() + " does not offer it");
                }
                connection.countTransaction();
                transport.beginTransaction();
                transport.sendMessage(prepared.mime(), prepared.recipients());
                reusable = true;
                String reply = ProtocolLog.oneLine(transport.getLastServerResponse());
                log.event(
                        "connection #{} sent a {} message: {}",
                        connection.id(),
                        message.type().wireName(),
                        reply);
                return message.accepted(prepared.messageId()).withDetail("smtpResponse", reply);
            } catch (MessagingException | IllegalStateException e) {
                SmtpErrors.Failure failure = SmtpErrors.ofSend(e, transport, settings);
                reusable = failure.reusable();
                if (attempt == 1 && lease.reused() && failure.stale()) {
                    log.event("connection #{} was no longer usable; sending on a new one", connection.id());
                    continue;
                }
                throw failure.exception();
            } finally {
                pool.release(connection, reusable);
            }
        }
    }

    @Override
    public boolean supportsConnectionCheck() {
        return true;
    }

    /** Opens a new connection (connect, EHLO, STARTTLS, AUTH), then says QUIT; nothing is sent. */
    @Override
    public void checkConnection() {
        SmtpConnection connection = connections.open(false);
        log.event("connection check passed on connection #{}", connection.id());
        connection.close();
    }

    @Override
    public void close() {
        pool.close();
        timers.shutdown(); // pending timer tasks are dropped: nothing is left to time out
    }

    @Override
    public String toString() {
        return "SmtpSender[" + settings + "]";
    }
}
