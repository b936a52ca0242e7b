package dev.emailconnectors.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.testkit.CapturedMessage;
import dev.emailconnectors.testkit.EmailConnectorCompatibilityKit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** The compatibility kit through {@code failover}: the first member is down, the second accepts. */
@DisplayName("Failover connector compatibility (first member down)")
class FailoverCompatibilityTest extends EmailConnectorCompatibilityKit {

    @Override
    protected String connectorId() {
        return "failover";
    }

    @Override
    protected JsonNode validConfig() {
        return Configs.failover("kit-down", "kit-up");
    }

    @Override
    protected List<CapturedMessage> received() {
        List<CapturedMessage> all = new ArrayList<>(MemoryPeer.named("kit-down").captured());
        all.addAll(MemoryPeer.named("kit-up").captured());
        return all;
    }

    @Override
    protected void resetPeer() {
        MemoryPeer.reset("kit-down").failAlways(ErrorCode.PROVIDER_UNAVAILABLE);
        MemoryPeer.reset("kit-up");
    }
}
