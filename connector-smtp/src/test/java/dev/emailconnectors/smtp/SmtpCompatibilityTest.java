package dev.emailconnectors.smtp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.emailconnectors.smtp.testserver.TestTls;
import dev.emailconnectors.testkit.CapturedMessage;
import dev.emailconnectors.testkit.EmailConnectorCompatibilityKit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compatibility kit against GreenMail over implicit TLS (its certificate is issued for localhost by the test CA,
 * which the configuration trusts through {@code tls.ca}) with password authentication.
 */
@DisplayName("SMTP connector: compatibility kit (GreenMail, SMTPS, login)")
class SmtpCompatibilityTest extends EmailConnectorCompatibilityKit {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort())
            .withConfiguration(
                    GreenMailConfiguration.aConfig().withUser(TestConfigs.USER, TestConfigs.USER, TestConfigs.PASS))
            .withPerMethodLifecycle(false);

    @Override
    protected String connectorId() {
        return "smtp";
    }

    @Override
    protected JsonNode validConfig() {
        ObjectNode config =
                TestConfigs.base("localhost", GREENMAIL.getSmtps().getPort()).put("secure", true);
        config.putObject("tls").put("ca", TestTls.caPem());
        return TestConfigs.login(config, TestConfigs.USER, TestConfigs.PASS);
    }

    @Override
    protected List<CapturedMessage> received() {
        return Arrays.stream(GREENMAIL.getReceivedMessages()).map(Captures::of).toList();
    }

    @Override
    protected void resetPeer() {
        try {
            GREENMAIL.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }
}
