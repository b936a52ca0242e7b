package dev.emailconnectors.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.SuppressionList;
import java.util.ArrayList;
import java.util.List;

/** Creating and checking the connectors a composite connector wraps. */
final class Catalogs {
    private Catalogs() {}

    /** A wrapped connector and the name it is reported under. */
    record Named(String name, EmailConnector connector) {}

    static ConnectorCatalog of(ConnectorContext context, String compositeId) {
        return context.catalog()
                .orElseThrow(() -> new EmailConnectorException(
                        ErrorCode.INVALID_CONFIG,
                        "The '" + compositeId + "' connector creates its members from a catalog: create it with"
                                + " ConnectorCatalog.create(...)"));
    }

    static EmailConnector createMember(
            ConnectorCatalog catalog, String id, JsonNode config, ConnectorContext context, int index) {
        try {
            // the composite itself checked the suppression list before its sender ran: members need not ask again
            return catalog.create(
                    id,
                    config,
                    context.toBuilder().suppressionList(SuppressionList.none()).build());
        } catch (EmailConnectorException e) {
            String where = index < 0 ? "The wrapped connector" : "Member #" + index;
            throw e.toBuilder()
                    .message(where + " ('" + id + "') could not be created: " + e.detail())
                    .build();
        }
    }

    /**
     * Checks the connection of each connector and reports every failure at once.
     *
     * @param connectors the connectors that support a connection check
     * @throws EmailConnectorException with the first failure's code, listing every failure
     */
    static void checkEach(List<Named> connectors) {
        List<String> problems = new ArrayList<>();
        EmailConnectorException first = null;
        for (Named n : connectors) {
            try {
                n.connector().checkConnection();
            } catch (EmailConnectorException e) {
                first = first == null ? e : first;
                problems.add("'" + n.name() + "': " + e.getMessage());
            }
        }
        if (first != null) {
            throw EmailConnectorException.builder(
                            first.code(), "Connection check failed for " + String.join("; ", problems))
                    .retryable(first.retryable())
                    .cause(first)
                    .build();
        }
    }
}
