package dev.emailconnectors.smtp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code tls} options (and the top-level {@code servername}), with Node.js names and defaults.
 *
 * @param rejectUnauthorized whether the certificate chain and host name are checked
 * @param servername the name expected in the certificate and sent as SNI, when not the host
 * @param minVersion the lowest protocol version, for example {@code TLSv1.2}
 * @param maxVersion the highest protocol version
 * @param ca PEM certificates to trust instead of the JDK's authorities; empty for the JDK's
 */
record TlsOptions(
        boolean rejectUnauthorized,
        Optional<String> servername,
        String minVersion,
        String maxVersion,
        List<String> ca) {

    /** Protocol versions in order; the JDK disables the first two by default. */
    static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    static TlsOptions from(JsonNode config) {
        JsonNode tls = config.path("tls");
        Optional<String> servername =
                SmtpSettings.text(tls, "servername").or(() -> SmtpSettings.text(config, "servername"));
        List<String> ca = new ArrayList<>();
        JsonNode caNode = tls.path("ca");
        if (caNode.isTextual()) {
            ca.add(caNode.asText());
        } else {
            caNode.forEach(c -> ca.add(c.asText()));
        }
        return new TlsOptions(
                tls.path("rejectUnauthorized").asBoolean(true),
                servername,
                tls.path("minVersion").asText("TLSv1.2"),
                tls.path("maxVersion").asText("TLSv1.3"),
                List.copyOf(ca));
    }

    /** @return the protocol versions from {@link #minVersion()} to {@link #maxVersion()} */
    List<String> protocols() {
        int from = Math.max(0, VERSIONS.indexOf(minVersion));
        int to = VERSIONS.indexOf(maxVersion) < 0 ? VERSIONS.size() - 1 : VERSIONS.indexOf(maxVersion);
        return to < from ? List.of() : VERSIONS.subList(from, to + 1);
    }
}
