package dev.emailconnectors.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, recording how far a transaction got (to know whether a failed message can have been
 * accepted), whether the server offered STARTTLS, and logging commands and replies through {@link ProtocolLog}.
 */
final class TrackingTransport extends SMTPTransport {
    /** How far the current transaction got. */
    enum Phase {
        /** Connecting: greeting, EHLO, STARTTLS, AUTH. */
        CONNECTING,
        /** Connected, no transaction started. */
        READY,
        /** MAIL FROM sent. */
        MAIL,
        /** RCPT TO sent. */
        RCPT,
        /** DATA accepted (354); content being written. Nothing can have been accepted yet. */
        DATA,
        /** The end-of-data dot may have reached the server: the message may have been accepted. */
        END_OF_DATA,
        /** The server accepted the message. */
        DONE
    }

    private final ProtocolLog log;
    private final long id;
    private Phase phase = Phase.CONNECTING;
    private boolean ehloDone;
    private boolean startTlsOffered;
    private boolean tlsStarted;

    TrackingTransport(Session session, URLName url, ProtocolLog log, long id) {
        super(session, url);
        this.log = log;
        this.id = id;
    }

    /** @return how far the current transaction got */
    Phase phase() {
        return phase;
    }

    /** @return whether an EHLO was answered */
    boolean ehloDone() {
        return ehloDone;
    }

    /** @return whether the last EHLO answer offered STARTTLS */
    boolean startTlsOffered() {
        return startTlsOffered;
    }

    /** @return whether STARTTLS completed */
    boolean tlsStarted() {
        return tlsStarted;
    }

    /** Marks the start of a new transaction. */
    void beginTransaction() {
        phase = Phase.READY;
    }

    @Override
    protected boolean ehlo(String domain) throws MessagingException {
        boolean ok = super.ehlo(domain);
        ehloDone |= ok;
        startTlsOffered = ok && supportsExtension("STARTTLS");
        return ok;
    }

    @Override
    protected void startTLS() throws MessagingException {
        super.startTLS();
        tlsStarted = true;
    }

    @Override
    protected void mailFrom() throws MessagingException {
        phase = Phase.MAIL;
        super.mailFrom();
    }

    @Override
    protected void rcptTo() throws MessagingException {
        phase = Phase.RCPT;
        super.rcptTo();
    }

    @Override
    protected OutputStream data() throws MessagingException {
        OutputStream out = super.data();
        phase = Phase.DATA;
        return out;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        phase = Phase.END_OF_DATA;
        super.finishData();
        phase = Phase.DONE;
    }

    @Override
    protected void sendCommand(String cmd) throws MessagingException {
        log.sent(id, cmd);
        super.sendCommand(cmd);
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        int code = super.readServerResponse();
        log.received(id, code, getLastServerResponse());
        return code;
    }
}
