package dev.emailconnectors.okhttp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The rules for endpoint URLs: {@code https://} everywhere, plain {@code http://} only to a loopback host
 * ({@code localhost}, {@code 127.0.0.0/8} or {@code [::1]}), and no user name or password in the URL.
 *
 * <pre>{@code
 * // in EmailConnectorProvider.validate(config)
 * problems.addAll(HttpEndpoint.check(config, "endpoint"));
 * // in create(config, context)
 * HttpUrl url = HttpEndpoint.parse(config.get("endpoint").asText());
 * }</pre>
 */
public final class HttpEndpoint {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private HttpEndpoint() {}

    /**
     * Parses and checks an endpoint URL.
     *
     * @param url the URL as configured
     * @return the parsed URL
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} when the URL breaks a rule; the message
     *     does not repeat the URL, which may carry a token
     */
    public static HttpUrl parse(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.trim());
        String problem = problem(url, parsed);
        if (problem != null) {
            throw new EmailConnectorException(ErrorCode.INVALID_CONFIG, "The endpoint " + problem);
        }
        return parsed;
    }

    /**
     * Checks the endpoint field of a configuration, for {@code EmailConnectorProvider.validate}. A missing or
     * non-text field gives no violation here: the schema reports those.
     *
     * @param config the configuration
     * @param field the field name, for example {@code "endpoint"}
     * @return one violation at {@code /field} when the URL breaks a rule, else none
     */
    public static List<ConfigViolation> check(JsonNode config, String field) {
        JsonNode value = config == null ? null : config.get(field);
        if (value == null || !value.isTextual()) {
            return List.of();
        }
        String url = value.asText();
        String problem = problem(url, HttpUrl.parse(url.trim()));
        return problem == null ? List.of() : List.of(new ConfigViolation("/" + field, problem));
    }

    /**
     * Tells whether a host is a loopback host by name or literal address, without resolving it: {@code localhost},
     * an address in {@code 127.0.0.0/8}, or {@code ::1}.
     *
     * @param host a host as {@link HttpUrl#host()} returns it (IPv6 without brackets)
     * @return true for a loopback host
     */
    public static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost")
                || h.equals("localhost.")
                || LOOPBACK_IPV4.matcher(h).matches()
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    /** Tells whether a host (as {@link HttpUrl#host()} returns it) is a literal IPv4 or IPv6 address. */
    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    private static String problem(String raw, HttpUrl url) {
        if (raw == null || raw.isBlank()) {
            return "must not be empty";
        }
        if (url == null) {
            return "must be an absolute https:// URL";
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            return "must not contain a user name or password; put credentials in the connector's credential fields";
        }
        if (url.scheme().equals("http") && !isLoopbackHost(url.host())) {
            return "must use https:// (plain http:// is allowed only for localhost, 127.0.0.0/8 and [::1])";
        }
        return null;
    }
}
