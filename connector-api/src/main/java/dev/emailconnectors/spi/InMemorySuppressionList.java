package dev.emailconnectors.spi;

import dev.emailconnectors.EmailAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link SuppressionList} in this JVM's memory: for a single instance and for tests. Replicas that must share their
 * entries use a store they share (connector-outbox has a JDBC one). Thread-safe.
 */
public final class InMemorySuppressionList implements SuppressionList {
    private final Map<String, ConcurrentNavigableMap<String, Suppression>> tenants = new ConcurrentHashMap<>();
    private final Clock clock;

    /** Creates an empty list that judges expiry by the system clock. */
    public InMemorySuppressionList() {
        this(Clock.systemUTC());
    }

    /**
     * Creates an empty list.
     *
     * @param clock judges whether entries have expired
     */
    public InMemorySuppressionList(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Suppression> find(String tenantId, EmailAddress recipient) {
        Map<String, Suppression> entries = tenants.get(tenantId);
        if (entries == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.get(recipient.normalized())).filter(s -> s.activeAt(clock.instant()));
    }

    @Override
    public void add(Suppression suppression) {
        tenants.computeIfAbsent(suppression.tenantId(), t -> new ConcurrentSkipListMap<>())
                .put(suppression.address(), suppression);
    }

    @Override
    public boolean remove(String tenantId, String address) {
        Map<String, Suppression> entries = tenants.get(tenantId);
        return entries != null && entries.remove(EmailAddress.parse(address).normalized()) != null;
    }

    @Override
    public List<Suppression> list(String tenantId, String after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        ConcurrentNavigableMap<String, Suppression> entries = tenants.get(tenantId);
        if (entries == null) {
            return List.of();
        }
        Map<String, Suppression> page = after == null ? entries : entries.tailMap(after, false);
        return page.values().stream().limit(limit).toList();
    }

    @Override
    public String toString() {
        return "InMemorySuppressionList["
                + tenants.values().stream().mapToInt(Map::size).sum() + " entries]";
    }
}
