package dev.emailconnectors.spi;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.net.InetAddress;
import java.util.List;

/**
 * Which network addresses connectors may connect to. The check applies to the address that is actually connected to,
 * after DNS, so a hostname that points at a forbidden address is caught too; connectors enforce it through
 * {@link NetworkGuard}, which resolves once and connects to exactly the address it checked.
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
     * The message names the host as configured, never the forbidden address, so that a tenant cannot learn the
     * addresses of internal names.
     *
     * @param host the hostname, for messages
     * @param addresses its resolved addresses
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} when an address is forbidden
     */
    default void check(String host, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            if (!permits(address)) {
                throw new EmailConnectorException(ErrorCode.INVALID_CONFIG, NetworkGuard.forbiddenMessage(host));
            }
        }
    }

    /**
     * Resolves a host once and checks every address. Connect to the addresses returned, never to the name again
     * (see {@link NetworkGuard#connect}).
     *
     * @param host the hostname or literal address
     * @return the permitted addresses
     * @throws EmailConnectorException with {@link ErrorCode#PROVIDER_UNAVAILABLE} when the host does not resolve, or
     *     {@link ErrorCode#INVALID_CONFIG} when an address is forbidden
     */
    default List<InetAddress> resolve(String host) {
        return NetworkGuard.of(this).resolve(host);
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
     * Returns the policy that forbids every address that is not a public unicast address of another host: loopback,
     * unspecified, private (RFC 1918, unique-local {@code fc00::/7}), carrier-grade NAT ({@code 100.64.0.0/10}, also
     * Alibaba's metadata address), link-local ({@code 169.254.0.0/16} with the cloud metadata address,
     * {@code fe80::/10}), IETF protocol assignments ({@code 192.0.0.0/24}), documentation and benchmarking ranges,
     * multicast, reserved and broadcast addresses, the discard prefix {@code 100::/64}, local-use NAT64
     * ({@code 64:ff9b:1::/48}), and the addresses of this host's own network interfaces. IPv6 forms that carry an
     * IPv4 address are judged by that IPv4 address: IPv4-mapped ({@code ::ffff:0:0/96}), IPv4-compatible
     * ({@code ::/96}), IPv4-translated ({@code ::ffff:0:0:0/96}), NAT64 ({@code 64:ff9b::/96}), 6to4
     * ({@code 2002::/16}) and Teredo ({@code 2001::/32}, server and client).
     *
     * @return the restrictive policy
     */
    static NetworkPolicy publicAddressesOnly() {
        return Policies.PUBLIC_ONLY;
    }
}
