package dev.emailconnectors.reliability;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The state the {@code resilient} connector keeps between sends: idempotency keys with their outcome, and counters
 * for per-recipient rate limits. The default, {@link InMemoryReliabilityStore#shared()}, keeps it in this JVM. A host
 * that runs several replicas registers a store they share (Redis, a database table) through the connector context:
 *
 * <pre>{@code
 * ConnectorContext context = ConnectorContext.builder()
 *         .extension(ReliabilityStore.class, new RedisReliabilityStore(redis))
 *         .build();
 * }</pre>
 *
 * <p>Keys arrive namespaced by tenant and purpose ({@code acme/dedup/…}, {@code acme/recipient/…}); recipient keys
 * hold a SHA-256 hash, never the address itself. Times are passed in (from the context's clock) so that every replica
 * counts against the same windows. Implementations must be thread-safe, and each method must be atomic for one key.
 */
public interface ReliabilityStore {

    /**
     * Claims an idempotency key for one logical message.
     *
     * <ul>
     *   <li>If nobody holds the key (or its window has passed), the caller becomes its owner, sends the message and
     *       must then call {@link #complete} or {@link #fail}. The returned {@link Claim#owner()} is true.
     *   <li>If another send holds it, {@link Claim#outcome()} completes with that send's result, or exceptionally
     *       with its {@link EmailConnectorException}; it may already be complete.
     * </ul>
     *
     * @param key the namespaced idempotency key
     * @param now the current time
     * @param window how long a successful outcome is remembered, counted from {@code now}
     * @return the claim
     */
    Claim claim(String key, Instant now, Duration window);

    /**
     * Records the successful outcome of a claimed key: sends with the same key until the window ends get this result.
     *
     * @param key the key the caller owns
     * @param result the result to replay
     */
    void complete(String key, SendResult result);

    /**
     * Records a failed outcome: sends waiting on the key receive the failure, and the key is released so that a later
     * send with it (a retry by the host) goes through.
     *
     * @param key the key the caller owns
     * @param failure the failure
     */
    void fail(String key, EmailConnectorException failure);

    /**
     * Counts one event against a limit of {@code limit} events per sliding {@code period}.
     *
     * @param key the namespaced counter key
     * @param now the current time
     * @param limit how many events the period allows
     * @param period the length of the window
     * @return empty when the event is allowed (and counted), else how long until one more would be allowed (the event
     *     is then not counted)
     */
    Optional<Duration> tryAcquire(String key, Instant now, int limit, Duration period);

    /**
     * The answer to {@link #claim}.
     *
     * @param owner true when the caller now owns the key and must send
     * @param outcome the outcome of the send that owns the key (for an owner, its own outcome once recorded)
     */
    record Claim(boolean owner, CompletionStage<SendResult> outcome) {}
}
