package dev.emailconnectors.spi;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which network addresses connectors may connect to. The check applies to resolved addresses, after DNS, so a
 * hostname that points at a forbidden address is caught too.
 *
 * <p>The default, {@link #allowAll()}, suits a host whose connector configurations come from its own operators. A
 * multi-tenant host that lets tenants enter SMTP hosts or webhook endpoints should use
 * {@link #publicAddressesOnly()}, so a tenant cannot make the server reach its own loopback interface, the private
 * network, or a cloud metadata service (server-side request forgery).
 */
@FunctionalInterface
public interface NetworkPolicy {

    /**
     * Tells whether connecting to an address is allowed.
     *
     * @param address a resolved address
     * @return true when allowed
     */
    boolean permits(InetAddress address);

    /**
     * Checks the resolved addresses of a host; every address must be permitted (DNS may answer differently next time).
     *
     * @param host the hostname, for messages
     * @param addresses its resolved addresses
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} when an address is forbidden
     */
    default void check(String host, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            if (!permits(address)) {
                throw new EmailConnectorException(
                        ErrorCode.INVALID_CONFIG,
                        "Host '" + host + "' resolves to " + address.getHostAddress()
                                + ", a loopback, private, link-local or metadata address that this server's network"
                                + " policy forbids");
            }
        }
    }

    /**
     * Resolves a host and checks every address.
     *
     * @param host the hostname or literal address
     * @return the permitted addresses
     * @throws EmailConnectorException with {@link ErrorCode#PROVIDER_UNAVAILABLE} when the host does not resolve, or
     *     {@link ErrorCode#INVALID_CONFIG} when an address is forbidden
     */
    default List<InetAddress> resolve(String host) {
        List<InetAddress> addresses;
        try {
            addresses = Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            throw new EmailConnectorException(ErrorCode.PROVIDER_UNAVAILABLE, "Unknown host '" + host + "'", e);
        }
        check(host, addresses);
        return addresses;
    }

    /**
     * Returns the policy that allows every address (the default).
     *
     * @return the permissive policy
     */
    static NetworkPolicy allowAll() {
        return Policies.ALLOW_ALL;
    }

    /**
     * Returns the policy that forbids loopback, unspecified, private (RFC 1918, unique-local), carrier-grade NAT,
     * link-local, multicast and cloud metadata addresses, including IPv4 addresses mapped into IPv6.
     *
     * @return the restrictive policy
     */
    static NetworkPolicy publicAddressesOnly() {
        return Policies.PUBLIC_ONLY;
    }
}

/** The built-in policies. */
enum Policies implements NetworkPolicy {
    ALLOW_ALL {
        @Override
        public boolean permits(InetAddress address) {
            return true;
        }
    },
    PUBLIC_ONLY {
        @Override
        public boolean permits(InetAddress address) {
            InetAddress a = unmap(address);
            if (a.isLoopbackAddress()
                    || a.isAnyLocalAddress()
                    || a.isLinkLocalAddress()
                    || a.isSiteLocalAddress()
                    || a.isMulticastAddress()) {
                return false;
            }
            byte[] b = a.getAddress();
            if (a instanceof Inet4Address) {
                int first = b[0] & 0xff;
                int second = b[1] & 0xff;
                boolean thisNetwork = first == 0;
                boolean carrierNat = first == 100 && second >= 64 && second <= 127; // also Alibaba's metadata address
                boolean benchmark = first == 198 && (second == 18 || second == 19);
                boolean reserved = first >= 240;
                return !(thisNetwork || carrierNat || benchmark || reserved);
            }
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc; // fc00::/7, includes AWS's fd00:ec2::254
            return !uniqueLocal;
        }
    };

    private static InetAddress unmap(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }

    @Override
    public String toString() {
        return this == ALLOW_ALL ? "allowAll" : "publicAddressesOnly";
    }
}
