package dev.emailconnectors.spi;

import java.net.InetAddress;
import java.util.Set;
import java.util.function.Supplier;

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
            return publicAddress(address, OwnAddresses::current);
        }
    };

    /**
     * Tells whether an address is a public unicast address of another host.
     *
     * @param address the address
     * @param own the addresses of this host's interfaces
     * @return true when {@link NetworkPolicy#publicAddressesOnly()} permits it
     */
    static boolean publicAddress(InetAddress address, Supplier<Set<InetAddress>> own) {
        byte[] b = address.getAddress();
        boolean allowed = b.length == 4 ? publicIpv4(b) : publicIpv6(b);
        return allowed && !own.get().contains(plain(address));
    }

    private static boolean publicIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return !(first == 0 // "this network", 0.0.0.0 reaches the local host
                || first == 10
                || first == 127
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, Alibaba's metadata address
                || (first == 169 && second == 254) // link-local, cloud metadata
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && third == 0) // IETF protocol assignments (RFC 6890)
                || (first == 192 && second == 0 && third == 2) // documentation
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || (first == 198 && second == 51 && third == 100) // documentation
                || (first == 203 && second == 0 && third == 113) // documentation
                || first >= 224); // multicast, reserved, broadcast
    }

    private static boolean publicIpv6(byte[] b) {
        int w0 = word(b, 0);
        int w1 = word(b, 2);
        if (zeros(b, 0, 10) && word(b, 10) == 0xffff) {
            return publicIpv4(tail(b, 12)); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (zeros(b, 0, 12)) {
            // :: and ::1, else IPv4-compatible ::a.b.c.d (deprecated, still parsed and routed by some stacks)
            return !zeros(b, 12, 16) && !(zeros(b, 12, 15) && b[15] == 1) && publicIpv4(tail(b, 12));
        }
        if (zeros(b, 0, 8) && word(b, 8) == 0xffff && word(b, 10) == 0) {
            return publicIpv4(tail(b, 12)); // IPv4-translated ::ffff:0:a.b.c.d (SIIT)
        }
        if (w0 == 0x64 && w1 == 0xff9b) {
            if (word(b, 4) == 1) {
                return false; // 64:ff9b:1::/48, local-use NAT64 (RFC 8215)
            }
            return zeros(b, 4, 12) && publicIpv4(tail(b, 12)); // well-known NAT64 prefix 64:ff9b::/96
        }
        if (w0 == 0x2002) {
            return publicIpv4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4
        }
        if (w0 == 0x2001 && w1 == 0) {
            byte[] client = tail(b, 12);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return publicIpv4(new byte[] {b[4], b[5], b[6], b[7]}) && publicIpv4(client); // Teredo
        }
        boolean discard = w0 == 0x0100 && zeros(b, 2, 8); // 100::/64
        boolean documentation = w0 == 0x2001 && w1 == 0x0db8; // 2001:db8::/32
        boolean uniqueLocal = (b[0] & 0xfe) == 0xfc; // fc00::/7, includes AWS's fd00:ec2::254
        boolean linkLocal = (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80; // fe80::/10
        boolean siteLocal = (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0; // fec0::/10, deprecated
        boolean multicast = (b[0] & 0xff) == 0xff;
        return !(discard || documentation || uniqueLocal || linkLocal || siteLocal || multicast);
    }

    private static int word(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }

    /** @return the address without host name or IPv6 scope, so that it compares by its bytes alone */
    static InetAddress plain(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: the length is 4 or 16
        }
    }

    @Override
    public String toString() {
        return this == ALLOW_ALL ? "allowAll" : "publicAddressesOnly";
    }
}
