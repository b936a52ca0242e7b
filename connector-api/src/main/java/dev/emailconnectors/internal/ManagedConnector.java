package dev.emailconnectors.internal;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendEvent;
import dev.emailconnectors.SendListener;
import dev.emailconnectors.SendRequest;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.SecretScrubber;
import dev.emailconnectors.spi.Suppression;
import dev.emailconnectors.spi.TemplateSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EmailConnector} every caller gets: checks each request, selects templates, calls the provider's
 * {@link EmailSender}, reports to the listener and makes sure every failure is a secret-free
 * {@link EmailConnectorException}.
 */
public final class ManagedConnector implements EmailConnector {
    private static final Logger LOG = LoggerFactory.getLogger(ManagedConnector.class);

    private final String id;
    private final EmailSender sender;
    private final TemplateSource configTemplates;
    private final ConnectorContext context;
    private final SecretScrubber scrubber;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Wraps a provider's sender.
     *
     * @param id the connector id
     * @param sender the provider's sender
     * @param configTemplates the configuration's templates
     * @param context the host's context; its {@link ConnectorContext#scrubber()} scrubs every error
     */
    public ManagedConnector(String id, EmailSender sender, TemplateSource configTemplates, ConnectorContext context) {
        this.id = id;
        this.sender = sender;
        this.configTemplates = configTemplates;
        this.context = context;
        this.scrubber = context.scrubber();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public SendResult send(SendRequest request) {
        if (request == null || request.template() == null) {
            throw EmailConnectorException.builder(ErrorCode.TEMPLATE_NOT_FOUND, "A template type is required")
                    .connectorId(id)
                    .build();
        }
        SendListener listener = context.listener();
        SendEvent event = new SendEvent(id, request.template(), request.attempt(), context.tenantId());
        long start = System.nanoTime();
        notify(() -> listener.onStart(event));
        try {
            SendResult result = guarded(() -> sender.send(prepare(request)));
            if (result == null) {
                throw new EmailConnectorException(ErrorCode.GENERAL, "The connector returned no result");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            notify(() -> listener.onSuccess(event, result, took));
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} message accepted by {} in {} ms", request.template(), id, took.toMillis());
            }
            return result;
        } catch (EmailConnectorException e) {
            EmailConnectorException safe = finish(e);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            notify(() -> listener.onFailure(event, safe, took));
            throw safe;
        }
    }

    private DefaultOutboundMessage prepare(SendRequest request) {
        if (closed.get()) {
            throw new EmailConnectorException(
                    ErrorCode.GENERAL, "Connector '" + id + "' is closed; create a new one to send");
        }
        EmailAddress to = EmailAddress.parse(request.to());
        context.suppressionList().find(context.tenantId(), to).ifPresent(s -> {
            throw suppressed(s);
        });
        if (request.payload() == null) {
            throw new EmailConnectorException(ErrorCode.INVALID_PAYLOAD, "A payload is required (it may be empty)");
        }
        TemplateSelector selector = new TemplateSelector(
                id,
                context.templateResolver(),
                configTemplates,
                request.payload().preferredLanguageTag().orElse(""));
        return new DefaultOutboundMessage(id, request, to, context.clock(), selector);
    }

    private static EmailConnectorException suppressed(Suppression s) {
        return EmailConnectorException.builder(
                        ErrorCode.RECIPIENT_SUPPRESSED,
                        "The recipient is on tenant '" + s.tenantId() + "''s suppression list ("
                                + s.reason().wireName()
                                + ", from " + s.source() + ", since " + s.createdAt()
                                + s.expiresAt().map(e -> ", until " + e).orElse("")
                                + "); nothing was sent. Remove the entry to send to it again")
                .retryable(false)
                .build();
    }

    @Override
    public java.util.Optional<dev.emailconnectors.ConnectionPoolStats> connectionPool() {
        return closed.get() ? java.util.Optional.empty() : sender.connectionPool();
    }

    @Override
    public boolean retriesInternally() {
        return sender.retriesInternally();
    }

    @Override
    public boolean supportsConnectionCheck() {
        return sender.supportsConnectionCheck();
    }

    @Override
    public void checkConnection() {
        try {
            guarded(() -> {
                if (closed.get()) {
                    throw new EmailConnectorException(ErrorCode.GENERAL, "Connector '" + id + "' is closed");
                }
                sender.checkConnection();
                return null;
            });
        } catch (EmailConnectorException e) {
            throw finish(e);
        }
    }

    /**
     * Runs provider code, turning any unexpected exception, and any {@link Error} it is safe to recover from (a
     * provider's linkage or assertion failure, a stack overflow), into an {@link EmailConnectorException}. The other
     * {@link VirtualMachineError}s ({@link OutOfMemoryError}, {@link InternalError}) are logged and rethrown: the
     * JVM's state is in doubt and the host must see them.
     */
    private <T> T guarded(Supplier<T> action) {
        try {
            return action.get();
        } catch (EmailConnectorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EmailConnectorException(
                    ErrorCode.GENERAL, "Unexpected failure: " + e.getClass().getName() + ": " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw EmailConnectorException.builder(
                            ErrorCode.GENERAL,
                            "The connector ran out of stack (nested input?); the message was not sent")
                    .retryable(false)
                    .build();
        } catch (VirtualMachineError e) {
            LOG.error(
                    "Connector {} failed with {}; rethrown to the host",
                    id,
                    e.getClass().getName());
            throw e;
        } catch (Error e) {
            LOG.warn("Connector {} failed with {}", id, e.getClass().getName());
            throw EmailConnectorException.builder(
                            ErrorCode.GENERAL,
                            "Unexpected failure: " + e.getClass().getName() + ": " + e.getMessage())
                    .retryable(false)
                    .cause(e)
                    .build();
        }
    }

    private EmailConnectorException finish(EmailConnectorException e) {
        EmailConnectorException withId =
                e.connectorId().isPresent() ? e : e.toBuilder().connectorId(id).build();
        return scrubber.scrub(withId);
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Send listener failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                sender.close();
            } catch (Exception e) {
                LOG.warn("Closing connector {} failed: {}", id, scrubber.scrub(e.toString()));
            }
        }
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public String toString() {
        return "EmailConnector[" + id + (closed.get() ? ", closed" : "") + "]";
    }
}
