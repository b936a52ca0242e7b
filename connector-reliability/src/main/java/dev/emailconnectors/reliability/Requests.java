package dev.emailconnectors.reliability;

import dev.emailconnectors.SendRequest;
import dev.emailconnectors.spi.OutboundMessage;

/** Turns a message the core prepared back into a request for a wrapped connector. */
final class Requests {
    private Requests() {}

    /**
     * Rebuilds the request. When the host gave no idempotency key, the message's id becomes the key, so that every
     * attempt and every member sees one logical message with one message id (providers that de-duplicate on it can).
     * Content the host rendered itself goes along unchanged.
     *
     * @param message the prepared message
     * @param attempt the attempt number to report
     * @return the request for the wrapped connector
     */
    static SendRequest forward(OutboundMessage message, int attempt) {
        return SendRequest.builder(message.type(), message.to().address(), message.payload())
                .clientIp(message.clientIp().orElse(null))
                .idempotencyKey(message.idempotencyKey().orElse(message.messageId()))
                .attempt(attempt)
                .content(message.content().orElse(null))
                .build();
    }
}
