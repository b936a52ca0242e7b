package dev.emailconnectors.benchmarks.smtp;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.slf4j.LoggerFactory;

/**
 * Messages per second through the SMTP connector (default pool: 4 connections) against raw Angus Mail, at 1 and 8
 * threads, all to the same {@link SmtpSink}: raw Angus with one {@link Transport} reused for every message (shared
 * by all threads; an SMTP transport sends one message at a time), and raw Angus connecting for every message
 * ({@link Transport#send(Message)}, as a client without pooling does). Every variant builds a comparable plain-text
 * message per send; the connector also selects and renders its template.
 *
 * <p>{@code tls}: {@code none} speaks plain SMTP (the connector with {@code ignoreTLS}); {@code starttls} makes every
 * connection upgrade with STARTTLS, as the connector requires by default and as real submission servers do. The
 * connector and the raw clients check the certificate chain and host name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SmtpSendBenchmark {
    private static final String FROM = "noreply@example.com";
    private static final String TO = "user@example.com";

    /** Whether connections use STARTTLS. */
    @Param({"none", "starttls"})
    public String tls;

    private SmtpSink sink;
    private EmailConnector connector;
    private Session session;
    private Transport reused;
    private Payload payload;

    /** Starts the sink, creates the connector and the raw session, and connects the reused transport. */
    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void setUp() throws IOException, GeneralSecurityException, MessagingException {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        boolean starttls = tls.equals("starttls");
        sink = new SmtpSink(starttls ? TestTls.server() : null);
        ObjectNode config = new ObjectMapper()
                .createObjectNode()
                .put("host", "127.0.0.1")
                .put("port", sink.port())
                .put("fromEmail", FROM);
        if (starttls) {
            config.putObject("tls").put("ca", TestTls.caPem()).put("servername", "localhost");
        } else {
            config.put("ignoreTLS", true);
        }
        ArrayNode templates = config.putArray("templates");
        for (TemplateType type : List.of(
                TemplateType.REGISTER, TemplateType.SIGN_IN, TemplateType.FORGOT_PASSWORD, TemplateType.GENERIC)) {
            templates
                    .addObject()
                    .put("usageType", type.wireName())
                    .put("contentType", "text/plain")
                    .put("subject", "Your code")
                    .put("content", "Your verification code is {{code}}. It expires in 10 minutes.");
        }
        connector = EmailConnectors.discover().create("smtp", config);
        payload = Payload.builder().code("123456").build();

        Properties props = new Properties();
        // with TLS, by the name the certificate is for (Java resolves it to 127.0.0.1 first), so Angus checks it
        props.setProperty("mail.smtp.host", starttls ? "localhost" : "127.0.0.1");
        props.setProperty("mail.smtp.port", String.valueOf(sink.port()));
        props.setProperty("mail.smtp.connectiontimeout", "5000");
        props.setProperty("mail.smtp.timeout", "20000");
        if (starttls) {
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
            props.put("mail.smtp.ssl.socketFactory", TestTls.client().getSocketFactory());
        }
        session = Session.getInstance(props);
        reused = session.getTransport("smtp");
        reused.connect();
    }

    /** Closes everything. */
    @TearDown(org.openjdk.jmh.annotations.Level.Trial)
    public void tearDown() throws IOException, MessagingException {
        connector.close();
        reused.close();
        sink.close();
    }

    private MimeMessage rawMessage() throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(FROM));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(TO));
        m.setSubject("Your code", "UTF-8");
        m.setSentDate(new Date());
        m.setText("Your verification code is 123456. It expires in 10 minutes.", "UTF-8");
        m.saveChanges();
        return m;
    }

    private SendResult viaConnector() {
        return connector.sendMessage(TemplateType.SIGN_IN, TO, payload);
    }

    private MimeMessage viaReusedTransport() throws MessagingException {
        MimeMessage m = rawMessage();
        reused.sendMessage(m, m.getAllRecipients());
        return m;
    }

    private MimeMessage viaNewConnection() throws MessagingException {
        MimeMessage m = rawMessage();
        Transport.send(m);
        return m;
    }

    /** @return the receipt */
    @Benchmark
    @Threads(1)
    public SendResult connector_1thread() {
        return viaConnector();
    }

    /** @return the receipt */
    @Benchmark
    @Threads(8)
    public SendResult connector_8threads() {
        return viaConnector();
    }

    /** @return the message */
    @Benchmark
    @Threads(1)
    public MimeMessage rawReusedTransport_1thread() throws MessagingException {
        return viaReusedTransport();
    }

    /** @return the message */
    @Benchmark
    @Threads(8)
    public MimeMessage rawReusedTransport_8threads() throws MessagingException {
        return viaReusedTransport();
    }

    /** @return the message */
    @Benchmark
    @Threads(1)
    public MimeMessage rawConnectPerMessage_1thread() throws MessagingException {
        return viaNewConnection();
    }

    /** @return the message */
    @Benchmark
    @Threads(8)
    public MimeMessage rawConnectPerMessage_8threads() throws MessagingException {
        return viaNewConnection();
    }
}
