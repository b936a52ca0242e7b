package dev.emailconnectors.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.SendResult;
import java.util.List;
import java.util.Map;

/** The JSON shapes of command output. */
final class Json {
    private Json() {}

    static ObjectNode error(EmailConnectorException e) {
        ObjectNode error = Printer.JSON
                .createObjectNode()
                .put("code", e.code().wireCode())
                .put("message", e.getMessage())
                .put("retryable", e.retryable());
        e.retryAfter().ifPresent(d -> error.put("retryAfterSeconds", d.toSeconds()));
        e.connectorId().ifPresent(id -> error.put("connectorId", id));
        e.providerStatus().ifPresent(s -> error.put("providerStatus", s));
        e.providerErrorCode().ifPresent(c -> error.put("providerErrorCode", c));
        e.providerRequestId().ifPresent(r -> error.put("providerRequestId", r));
        e.remedy().ifPresent(r -> error.put("remedy", r));
        return error;
    }

    static ObjectNode result(SendResult result) {
        ObjectNode out = Printer.JSON
                .createObjectNode()
                .put("ok", true)
                .put("connectorId", result.connectorId())
                .put("acceptedAt", result.acceptedAt().toString());
        result.providerMessageId().ifPresent(id -> out.put("providerMessageId", id));
        ObjectNode details = out.putObject("details");
        for (Map.Entry<String, String> d : result.details().entrySet()) {
            details.put(d.getKey(), d.getValue());
        }
        return out;
    }

    static ArrayNode violations(List<ConfigViolation> violations) {
        ArrayNode array = Printer.JSON.createArrayNode();
        for (ConfigViolation v : violations) {
            array.addObject().put("path", v.path()).put("message", v.message());
        }
        return array;
    }
}
