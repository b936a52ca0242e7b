package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.spi.ConnectorContext;
import java.util.ArrayList;
import java.util.List;

/** The failover connector over two other fixtures. */
final class FailoverFixture implements Fixture {
    private final Fixture first;
    private final Fixture second;

    FailoverFixture(Fixture first, Fixture second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public String id() {
        return "failover";
    }

    @Override
    public ObjectNode config(String secret) {
        ObjectNode c = Json.object();
        c.putArray("connectors").add(member(first, "first", secret)).add(member(second, "second", secret));
        c.putArray("failOverOn").add("authentication_failed");
        return c;
    }

    private static ObjectNode member(Fixture f, String name, String secret) {
        ObjectNode m = Json.object().put("id", f.id()).put("name", name);
        m.set("config", f.config(secret));
        return m;
    }

    @Override
    public ConnectorContext.Builder context(ConnectorContext.Builder context) {
        return second.context(first.context(context));
    }

    @Override
    public boolean rendersTemplates() {
        return first.rendersTemplates() && second.rendersTemplates();
    }

    @Override
    public List<Delivered> delivered() {
        List<Delivered> out = new ArrayList<>(first.delivered());
        out.addAll(second.delivered());
        return out;
    }

    @Override
    public List<String> wire() {
        List<String> out = new ArrayList<>(first.wire());
        out.addAll(second.wire());
        return out;
    }

    @Override
    public void failAuthentication() {
        first.failAuthentication();
        second.failAuthentication();
    }

    @Override
    public void failWithProviderError(String echo) {
        first.failWithProviderError(echo);
        second.failWithProviderError(echo);
    }

    @Override
    public void hang() {
        first.hang();
        second.hang();
    }

    @Override
    public void reset() {
        first.reset();
        second.reset();
    }

    @Override
    public void close() {
        first.close();
        second.close();
    }

    @Override
    public String toString() {
        return "failover(" + first + ", " + second + ")";
    }
}
