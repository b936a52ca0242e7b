package dev.emailconnectors.smtp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConfigSupport;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules a JSON Schema cannot express, each reported with its JSON Pointer. */
final class SmtpConfigRules {
    /** Headers the connector writes itself; a custom value would corrupt or contradict the message. */
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "from",
            "to",
            "cc",
            "bcc",
            "subject",
            "date",
            "message-id",
            "reply-to",
            "mime-version",
            "content-type",
            "content-transfer-encoding",
            "return-path");

    private SmtpConfigRules() {}

    static List<ConfigViolation> check(JsonNode config) {
        List<ConfigViolation> out = new ArrayList<>(ConfigSupport.requireTemplateTypes(
                config,
                "templates",
                TemplateType.REGISTER,
                TemplateType.SIGN_IN,
                TemplateType.FORGOT_PASSWORD,
                TemplateType.GENERIC));
        out.addAll(ConfigSupport.checkTemplateSyntax(config, "templates"));
        JsonNode from = config.path("fromEmail");
        if (from.isTextual()
                && !EmailAddress.isValid(Addresses.mailbox(from.asText()).address())) {
            out.add(new ConfigViolation("/fromEmail", "is not an email address or 'Name <address>'"));
        }
        JsonNode replyTo = config.path("replyTo");
        if (replyTo.isTextual() && !replyTo.asText().isBlank()) {
            try {
                Addresses.list(replyTo.asText());
            } catch (IllegalArgumentException e) {
                out.add(new ConfigViolation("/replyTo", e.getMessage()));
            }
        }
        headers(config.path("customHeaders"), out);
        accessUrl(config.path("auth").path("accessUrl"), out);
        tls(config.path("tls"), out);
        return out;
    }

    private static void headers(JsonNode headers, List<ConfigViolation> out) {
        headers.properties().forEach(e -> {
            String name = e.getKey();
            String path = "/customHeaders/" + name.replace("~", "~0").replace("/", "~1");
            if (!isFieldName(name)) {
                out.add(new ConfigViolation(
                        path, "is not a header name (RFC 5322: printable ASCII except ':' and space)"));
            } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                out.add(new ConfigViolation(path, "is set by the connector and cannot be a custom header"));
            }
            JsonNode value = e.getValue();
            if (value.isTextual() && hasLineBreak(value.asText())) {
                out.add(new ConfigViolation(path, "must not contain CR or LF (header injection)"));
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (hasLineBreak(value.get(i).asText())) {
                        out.add(new ConfigViolation(path + "/" + i, "must not contain CR or LF (header injection)"));
                    }
                }
            }
        });
    }

    private static void accessUrl(JsonNode url, List<ConfigViolation> out) {
        if (!url.isTextual()) {
            return;
        }
        try {
            URI uri = new URI(url.asText().trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean https = scheme.equals("https") && uri.getHost() != null;
            boolean loopbackHttp = scheme.equals("http") && isLoopback(uri.getHost());
            if (!https && !loopbackHttp) {
                out.add(new ConfigViolation("/auth/accessUrl", "must be an https:// URL (http:// only on loopback)"));
            }
        } catch (URISyntaxException e) {
            out.add(new ConfigViolation("/auth/accessUrl", "is not a URL"));
        }
    }

    private static void tls(JsonNode tls, List<ConfigViolation> out) {
        JsonNode ca = tls.path("ca");
        if (ca.isTextual()) {
            pem(ca.asText(), "/tls/ca", out);
        } else if (ca.isArray()) {
            for (int i = 0; i < ca.size(); i++) {
                pem(ca.get(i).asText(), "/tls/ca/" + i, out);
            }
        }
        int min = TlsOptions.VERSIONS.indexOf(tls.path("minVersion").asText("TLSv1.2"));
        int max = TlsOptions.VERSIONS.indexOf(tls.path("maxVersion").asText("TLSv1.3"));
        if (min >= 0 && max >= 0 && max < min) {
            out.add(new ConfigViolation("/tls/maxVersion", "is lower than minVersion"));
        }
    }

    private static void pem(String text, String path, List<ConfigViolation> out) {
        try {
            TlsSockets.certificates(text);
        } catch (IllegalArgumentException e) {
            out.add(new ConfigViolation(path, e.getMessage()));
        }
    }

    static boolean isFieldName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 33 || c > 126 || c == ':') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }
}
