package dev.emailconnectors.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("publicAddressesOnly")
class PublicAddressesTest {

    @ParameterizedTest(name = "forbids {0}")
    @ValueSource(
            strings = {
                "0.0.0.0",
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "100.64.0.1",
                "100.100.100.200",
                "169.254.169.254",
                "192.0.0.1",
                "192.0.0.170",
                "192.0.2.5",
                "198.18.0.1",
                "198.51.100.7",
                "203.0.113.9",
                "224.0.0.1",
                "240.0.0.1",
                "255.255.255.255",
                "::",
                "::1",
                "::127.0.0.1",
                "::10.0.0.1",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::ffff:0:127.0.0.1",
                "::ffff:0:10.0.0.1",
                "64:ff9b::127.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "64:ff9b:1::808:808",
                "2002:7f00:1::",
                "2002:a9fe:a9fe::1",
                "2001:0:4136:e378:8000:63bf:80ff:fffe",
                "2001:0:7f00:1::8.8.8.8",
                "100::1",
                "2001:db8::1",
                "fe80::1",
                "fec0::1",
                "fd00:ec2::254",
                "fc00::1",
                "ff02::1"
            })
    void forbidden(String literal) throws Exception {
        InetAddress a = InetAddress.getByName(literal);
        assertThat(NetworkPolicy.publicAddressesOnly().permits(a)).isFalse();
        assertThat(NetworkPolicy.allowAll().permits(a)).isTrue();
    }

    @ParameterizedTest(name = "allows {0}")
    @ValueSource(
            strings = {
                "93.184.216.34",
                "8.8.8.8",
                "1.1.1.1",
                "192.0.1.1",
                "100.63.255.255",
                "2606:2800:220:1:248:1893:25c8:1946",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808",
                "2002:808:808::1",
                "2001:0:4136:e378:8000:63bf:f7f7:f7f7"
            })
    void allowed(String literal) throws Exception {
        assertThat(NetworkPolicy.publicAddressesOnly().permits(InetAddress.getByName(literal)))
                .isTrue();
    }

    @Test
    @DisplayName("forbids this host's own interface addresses, also public ones")
    void ownAddresses() throws Exception {
        InetAddress own = InetAddress.getByName("93.184.216.34");
        assertThat(Policies.publicAddress(own, () -> Set.of(own))).isFalse();
        assertThat(Policies.publicAddress(InetAddress.getByName("8.8.8.8"), () -> Set.of(own)))
                .isTrue();
        assertThat(OwnAddresses.current()).contains(InetAddress.getByName("127.0.0.1"));
    }
}
