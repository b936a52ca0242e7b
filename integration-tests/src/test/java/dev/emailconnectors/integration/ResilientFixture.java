package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.spi.ConnectorContext;
import java.util.List;

/** The resilient connector, with retries, de-duplication, rate limits and a sandbox, over another fixture. */
final class ResilientFixture implements Fixture {
    private final Fixture inner;

    ResilientFixture(Fixture inner) {
        this.inner = inner;
    }

    @Override
    public String id() {
        return "resilient";
    }

    @Override
    public ObjectNode config(String secret) {
        ObjectNode c = (ObjectNode) Json.parse("{\"retry\":{\"maxAttempts\":2,\"backoff\":\"PT0.01S\"},"
                + "\"deduplication\":{\"window\":\"PT1M\"},"
                + "\"rateLimit\":{\"perConnector\":{\"messagesPerSecond\":1000,\"maxWait\":\"PT5S\"}},"
                + "\"sandbox\":{\"allow\":[\"*@example.com\",\"*@*.example.com\",\"*@xn--fsqu00a.xn--0zwm56d\","
                + "\"*@xn--bcher-kva.example\"]}}");
        ObjectNode wrapped = c.putObject("connector").put("id", inner.id());
        wrapped.set("config", inner.config(secret));
        return c;
    }

    @Override
    public ConnectorContext.Builder context(ConnectorContext.Builder context) {
        return inner.context(context);
    }

    @Override
    public boolean rendersTemplates() {
        return inner.rendersTemplates();
    }

    @Override
    public boolean canFail() {
        return inner.canFail();
    }

    @Override
    public List<Delivered> delivered() {
        return inner.delivered();
    }

    @Override
    public List<String> wire() {
        return inner.wire();
    }

    @Override
    public void failAuthentication() {
        inner.failAuthentication();
    }

    @Override
    public void failWithProviderError(String echo) {
        inner.failWithProviderError(echo);
    }

    @Override
    public void hang() {
        inner.hang();
    }

    @Override
    public void reset() {
        inner.reset();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public String toString() {
        return "resilient(" + inner + ")";
    }
}
