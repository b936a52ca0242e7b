package dev.emailconnectors.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads a connector's bundled resources (its schema, readme and logo) through an opener that runs in the connector's
 * own module, so the connector's package need not be opened to anyone on the module path:
 *
 * <pre>{@code
 * private static final ConnectorResources RESOURCES = ConnectorResources.of(MyProvider.class::getResourceAsStream);
 * private static final JsonNode SCHEMA = RESOURCES.json("schema.json");
 * }</pre>
 *
 * <p>The method reference is bound to the class that writes it, so {@code getResourceAsStream} reads from that
 * class's module and package whoever calls it.
 */
public final class ConnectorResources {
    private final Function<String, InputStream> opener;

    private ConnectorResources(Function<String, InputStream> opener) {
        this.opener = opener;
    }

    /**
     * Creates a reader of resources.
     *
     * @param opener opens a resource by name, typically {@code MyProvider.class::getResourceAsStream}; returns null
     *     for a missing one
     * @return the reader
     */
    public static ConnectorResources of(Function<String, InputStream> opener) {
        return new ConnectorResources(Objects.requireNonNull(opener, "opener"));
    }

    /**
     * Reads and parses a JSON resource.
     *
     * @param name the resource name
     * @return the JSON
     * @throws UncheckedIOException when the resource is missing, unreadable or malformed
     */
    public JsonNode json(String name) {
        return ConfigSupport.readJson(new ByteArrayInputStream(bytes(name)));
    }

    /**
     * Reads a UTF-8 text resource.
     *
     * @param name the resource name
     * @return the text
     * @throws UncheckedIOException when the resource is missing or unreadable
     */
    public String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /**
     * Reads an SVG resource as a {@code data:} URL, the form a connector's logo takes in its metadata.
     *
     * @param name the resource name
     * @return {@code data:image/svg+xml;base64,…}
     * @throws UncheckedIOException when the resource is missing or unreadable
     */
    public String svgDataUrl(String name) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(bytes(name));
    }

    private byte[] bytes(String name) {
        try (InputStream in = opener.apply(name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("Missing resource " + name));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
