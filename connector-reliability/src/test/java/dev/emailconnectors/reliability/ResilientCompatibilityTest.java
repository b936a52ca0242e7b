package dev.emailconnectors.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.testkit.CapturedMessage;
import dev.emailconnectors.testkit.EmailConnectorCompatibilityKit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * The compatibility kit through {@code resilient} with every part on, over a peer that fails every fourth attempt
 * when it is a message's first (so the retry always has a chance left, whatever the interleaving of threads).
 */
@DisplayName("Resilient connector compatibility (every part on, flaky peer)")
class ResilientCompatibilityTest extends EmailConnectorCompatibilityKit {

    @Override
    protected String connectorId() {
        return "resilient";
    }

    @Override
    protected JsonNode validConfig() {
        return Configs.resilient(
                "kit-res",
                "{'retry':{'maxAttempts':4,'backoff':'PT0.001S','maxDelay':'PT0.005S'},"
                        + "'deduplication':{'window':'PT1M'},"
                        + "'rateLimit':{'perRecipient':{'messages':100000,'period':'PT1M'},"
                        + "'perConnector':{'messagesPerSecond':100000,'maxWait':'PT5S'}},"
                        + "'sandbox':{'allow':['*@example.com']}}");
    }

    @Override
    protected ConnectorContext context() {
        return ConnectorContext.builder()
                .extension(ReliabilityStore.class, new InMemoryReliabilityStore())
                .build();
    }

    @Override
    protected List<CapturedMessage> received() {
        return MemoryPeer.named("kit-res").captured();
    }

    @Override
    protected void resetPeer() {
        MemoryPeer peer = MemoryPeer.reset("kit-res");
        peer.rule((n, message) ->
                n % 4 == 0 && message.attempt() == 1 ? peer.failure(ErrorCode.PROVIDER_UNAVAILABLE) : null);
    }
}
