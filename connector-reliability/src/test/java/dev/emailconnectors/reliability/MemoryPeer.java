package dev.emailconnectors.reliability;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import dev.emailconnectors.testkit.CapturedMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * A scriptable in-memory mail provider for tests: it records what it accepts, and fails attempts on request. Peers
 * are found by name, so a JSON configuration can point at one.
 */
final class MemoryPeer {
    private static final Map<String, MemoryPeer> PEERS = new ConcurrentHashMap<>();

    /** A message the peer accepted. */
    record Received(String to, String messageId, int attempt, String idempotencyKey, RenderedEmail email) {}

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    private final ConcurrentLinkedDeque<ErrorCode> nextFailures = new ConcurrentLinkedDeque<>();
    private volatile BiFunction<Integer, OutboundMessage, EmailConnectorException> rule = (n, m) -> null;
    private volatile Duration retryAfter;
    private volatile boolean acceptThenTimeOut;
    private volatile CountDownLatch gate;
    private volatile CountDownLatch entered = new CountDownLatch(1);
    volatile ErrorCode checkFails;

    static MemoryPeer named(String name) {
        return PEERS.computeIfAbsent(name, n -> new MemoryPeer());
    }

    /** Forgets a peer's messages and script. */
    static MemoryPeer reset(String name) {
        MemoryPeer fresh = new MemoryPeer();
        PEERS.put(name, fresh);
        return fresh;
    }

    /** The next sends fail with these codes, in order. */
    MemoryPeer failNext(ErrorCode... codes) {
        nextFailures.addAll(List.of(codes));
        return this;
    }

    /** Every send fails with this code. */
    MemoryPeer failAlways(ErrorCode code) {
        rule = (n, m) -> failure(code);
        return this;
    }

    /** The n-th attempt (from 1) fails when the function returns an exception. */
    MemoryPeer rule(IntFunction<EmailConnectorException> rule) {
        this.rule = (n, m) -> rule.apply(n);
        return this;
    }

    /** An attempt fails when the function of its number (from 1) and its message returns an exception. */
    MemoryPeer rule(BiFunction<Integer, OutboundMessage, EmailConnectorException> rule) {
        this.rule = rule;
        return this;
    }

    /** Failures carry this retry-after. */
    MemoryPeer retryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
        return this;
    }

    /** Records the message, then reports a TIMEOUT: an accepted message whose answer was lost. */
    MemoryPeer acceptThenTimeOut() {
        acceptThenTimeOut = true;
        return this;
    }

    /** Sends block until {@link #open()}. */
    MemoryPeer hold() {
        gate = new CountDownLatch(1);
        entered = new CountDownLatch(1);
        return this;
    }

    void open() {
        gate.countDown();
    }

    /** Waits until a send is blocked in {@link #hold()}. */
    void awaitEntered() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no send reached the peer");
        }
    }

    EmailConnectorException failure(ErrorCode code) {
        return EmailConnectorException.builder(code, "scripted " + code.wireCode())
                .retryAfter(retryAfter)
                .providerStatus(code.retryableByDefault() ? 503 : 400)
                .build();
    }

    String accept(OutboundMessage message) {
        int n = attempts.incrementAndGet();
        entered.countDown();
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ErrorCode scripted = nextFailures.pollFirst();
        if (scripted != null) {
            throw failure(scripted);
        }
        EmailConnectorException ruled = rule.apply(n, message);
        if (ruled != null) {
            throw ruled;
        }
        received.add(new Received(
                message.to().address(),
                message.messageId(),
                message.attempt(),
                message.idempotencyKey().orElse(null),
                message.render()));
        if (acceptThenTimeOut) {
            throw failure(ErrorCode.TIMEOUT);
        }
        return "mem-" + n;
    }

    List<CapturedMessage> captured() {
        return received.stream()
                .map(r -> CapturedMessage.of(
                        List.of(r.to()),
                        r.email().subject(),
                        r.email().html().orElse(null),
                        r.email().text()))
                .toList();
    }

    /** @return how many accepted messages hold a text */
    long count(String text) {
        return received.stream()
                .filter(r -> (r.email().subject() + r.email().text()).contains(text))
                .count();
    }
}
