package dev.emailconnectors.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.testkit.CapturedMessage;
import dev.emailconnectors.testkit.EmailConnectorCompatibilityKit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/** Runs the compatibility kit against the DirectMail connector; the peer is a fake DirectMail endpoint on loopback. */
@DisplayName("Aliyun DirectMail connector: compatibility kit")
class AliyunCompatibilityTest extends EmailConnectorCompatibilityKit {
    private static AliyunPeer peer;

    @BeforeAll
    static void startPeer() {
        peer = new AliyunPeer();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    @Override
    protected String connectorId() {
        return "aliyun";
    }

    @Override
    protected JsonNode validConfig() {
        return peer.config();
    }

    @Override
    protected List<CapturedMessage> received() {
        List<CapturedMessage> out = new ArrayList<>();
        for (AliyunPeer.Call call : peer.calls()) {
            Map<String, String> form = call.form();
            Map<String, List<String>> headers =
                    new LinkedHashMap<>(call.headers().toMultimap());
            out.add(new CapturedMessage(
                    List.of(form.getOrDefault("ToAddress", "").split(",")),
                    Optional.ofNullable(form.get("Subject")),
                    Optional.ofNullable(form.get("HtmlBody")),
                    form.getOrDefault("TextBody", ""),
                    headers));
        }
        return out;
    }

    @Override
    protected void resetPeer() {
        peer.reset();
    }
}
