package dev.emailconnectors.okhttp;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.spi.NetworkPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves with the system resolver, then applies the host's {@link NetworkPolicy} to every address, so a hostname
 * that resolves to a forbidden address is refused before any connection is made. A record, so that transports with
 * the same policy are equal for OkHttp's connection pool and share connections.
 */
record PolicyDns(NetworkPolicy policy) implements Dns {

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = Dns.SYSTEM.lookup(hostname);
        try {
            policy.check(hostname, addresses);
        } catch (EmailConnectorException e) {
            throw new PolicyViolation(e);
        }
        return addresses;
    }
}
