package dev.emailconnectors.builtin;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Delivers into an outbox directory: each message becomes one {@code .eml} file that any mail client opens, named
 * {@code <UTC time>-<message id>.eml} so that a directory listing is in sending order. Each file is written to a
 * hidden temporary file in the same directory and then moved into place atomically, so a reader never sees half a
 * message. Thread-safe.
 */
final class OutboxSender implements EmailSender {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Mailbox from;
    private final Clock clock;

    OutboxSender(Path directory, Mailbox from, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.from = from;
        this.clock = clock;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        RenderedEmail email = message.render();
        Instant now = clock.instant();
        byte[] eml = EmlWriter.write(message, email, from, now);
        String name = STAMP.format(now) + "-" + message.messageId() + ".eml";
        Path target = directory.resolve(name);
        Path temp = directory.resolve("." + name + ".tmp");
        try {
            Files.createDirectories(directory);
            Files.write(temp, eml);
            move(temp, target);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the original failure is what matters
            }
            throw EmailConnectorException.builder(
                            ErrorCode.PROVIDER_UNAVAILABLE, "Could not write to the outbox " + directory + ": " + e)
                    .cause(e)
                    .build();
        }
        return message.accepted(message.messageId()).withDetail("outboxFile", target.toString());
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return "outbox " + directory;
    }
}
