package dev.emailconnectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emailconnectors.internal.HtmlText;
import dev.emailconnectors.spi.NetworkPolicy;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Network policy and HTML to text")
class SupportTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.100.100.200",
                "0.0.0.0",
                "::1",
                "fe80::1",
                "fd00:ec2::254",
                "::ffff:127.0.0.1",
                "224.0.0.1"
            })
    @DisplayName("publicAddressesOnly forbids loopback, private, link-local and metadata addresses")
    void forbidden(String address) throws Exception {
        InetAddress a = InetAddress.getByName(address);
        assertThat(NetworkPolicy.publicAddressesOnly().permits(a)).isFalse();
        assertThat(NetworkPolicy.allowAll().permits(a)).isTrue();
    }

    @Test
    @DisplayName("publicAddressesOnly allows public addresses and checks every resolved address")
    void allowed() throws Exception {
        NetworkPolicy policy = NetworkPolicy.publicAddressesOnly();
        assertThat(policy.permits(InetAddress.getByName("93.184.216.34"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")))
                .isTrue();
        assertThatThrownBy(() -> policy.check(
                        "mixed.example",
                        List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1"))))
                .isInstanceOf(EmailConnectorException.class)
                .hasMessageNotContaining("10.0.0.1");
        assertThatThrownBy(() -> policy.resolve("localhost"))
                .isInstanceOf(EmailConnectorException.class)
                .hasMessageContaining("network policy forbids");
    }

    @Test
    @DisplayName("HTML becomes readable text with links kept and scripts dropped")
    void htmlToText() {
        String html = "<html><head><style>p{}</style><title>T</title></head><body>"
                + "<table><tr><td><h1>Your code</h1></td></tr><tr><td><p>Use <b>123456</b> to sign in.</p>"
                + "<p><a href=\"https://example.com/verify?t=1&amp;u=2\">Verify</a><br>or ignore this.</p>"
                + "<script>alert(1)</script><img alt=\"Acme logo\" src=\"x.png\"></td></tr></table></body></html>";
        assertThat(HtmlText.toText(html))
                .isEqualTo(
                        "Your code\n\nUse 123456 to sign in.\n\nVerify (https://example.com/verify?t=1&u=2)\nor ignore this."
                                + "\nAcme logo");
    }
}
