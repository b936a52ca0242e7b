package dev.emailconnectors.mailgun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.spi.ConfigSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the connector's bundled resources: its schema, readme and logo. The streams are opened here, in the
 * connector's own module, so the package need not be opened to the API on the module path.
 */
final class Resources {
    private Resources() {}

    /** @return the JSON resource next to this class, parsed */
    static JsonNode json(String name) {
        return ConfigSupport.readJson(new ByteArrayInputStream(bytes(name)));
    }

    /** @return the resource next to this class as UTF-8 text */
    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** @return the SVG resource next to this class as a {@code data:} URL */
    static String svgDataUrl(String name) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(bytes(name));
    }

    private static byte[] bytes(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("Missing resource " + name));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
