package org.example.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Appends rendered messages to the file, one JSON line each, under a file lock. Thread-safe. */
final class JsonLinesSender implements EmailSender {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Mailbox from;
    private final SecretKeySpec key;

    JsonLinesSender(Path file, String fromEmail, String signingKey) {
        this.file = file;
        this.from = Mailbox.of(fromEmail);
        this.key = signingKey == null
                ? null
                : new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public SendResult send(OutboundMessage message) {
        RenderedEmail email = message.render();
        ObjectNode line = JSON.createObjectNode()
                .put("id", message.messageId())
                .put("type", message.type().wireName())
                .put("to", message.to().toAscii())
                .put("from", email.from(from).format())
                .put("subject", email.subject())
                .put("contentType", email.contentType().mimeType())
                .put("content", email.content())
                .put("text", email.text());
        email.replyTo().ifPresent(r -> line.put("replyTo", r));
        if (key != null) {
            line.put("signature", sign(line));
        }
        append(line);
        return message.accepted(message.messageId());
    }

    private String sign(ObjectNode line) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(JSON.writeValueAsBytes(line));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new EmailConnectorException(ErrorCode.GENERAL, "Could not sign the message", e);
        }
    }

    private void append(ObjectNode line) {
        byte[] bytes;
        try {
            bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new EmailConnectorException(ErrorCode.INVALID_PAYLOAD, "Could not encode the message", e);
        }
        synchronized (this) {
            try (FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                FileLock lock = channel.lock(); // other processes appending to the same file wait
                try {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw new EmailConnectorException(
                        ErrorCode.PROVIDER_UNAVAILABLE, "Could not append to " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
