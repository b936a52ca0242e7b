package dev.emailconnectors.spi;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The addresses of this host's network interfaces, which {@link NetworkPolicy#publicAddressesOnly()} forbids even when
 * they are public: connecting to them reaches the host's own services. Read at most once a minute, since interfaces
 * rarely change and enumerating them costs a few system calls.
 */
final class OwnAddresses {
    private static final long REFRESH_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static volatile Snapshot snapshot = new Snapshot(Set.of(), System.nanoTime() - REFRESH_NANOS);

    private OwnAddresses() {}

    private record Snapshot(Set<InetAddress> addresses, long readAt) {}

    static Set<InetAddress> current() {
        Snapshot s = snapshot;
        if (System.nanoTime() - s.readAt() >= REFRESH_NANOS) {
            s = new Snapshot(read(), System.nanoTime());
            snapshot = s;
        }
        return s.addresses();
    }

    private static Set<InetAddress> read() {
        Set<InetAddress> out = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    out.add(Policies.plain(a));
                }
            }
        } catch (SocketException | RuntimeException e) {
            // no interface list: the ranges still apply
        }
        return Set.copyOf(out);
    }
}
