package dev.emailconnectors.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes Logto's request body, {@code {"to","type","payload","ip"?}}, plus {@code "content"} for a message the host
 * rendered itself ({@code {"subject","text","html"?,"replyTo"?,"sendFrom"?}}), as compact JSON identical to what Jackson writes
 * for the same values. A payload holds only strings, numbers, booleans, nulls, maps and lists (see
 * {@link dev.emailconnectors.Payload}), so this writes them directly: it is on every message's path, and data binding
 * costs several times more than the few lines below.
 */
final class WebhookBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private WebhookBody() {}

    static byte[] of(OutboundMessage message) {
        StringBuilder out = new StringBuilder(512);
        out.append("{\"to\":");
        string(out, message.to().address());
        out.append(",\"type\":");
        string(out, message.type().wireName());
        out.append(",\"payload\":");
        value(out, message.payload().asMap());
        Optional<String> ip = message.clientIp().filter(s -> !s.isBlank());
        if (ip.isPresent()) {
            out.append(",\"ip\":");
            string(out, ip.get());
        }
        if (message.content().isPresent()) {
            content(out, message.render());
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void content(StringBuilder out, RenderedEmail email) {
        out.append(",\"content\":{\"subject\":");
        string(out, email.subject());
        out.append(",\"text\":");
        string(out, email.text());
        if (email.html().isPresent()) {
            out.append(",\"html\":");
            string(out, email.html().get());
        }
        if (email.replyTo().isPresent()) {
            out.append(",\"replyTo\":");
            string(out, email.replyTo().get());
        }
        if (email.sendFrom().isPresent()) {
            out.append(",\"sendFrom\":");
            string(out, email.sendFrom().get());
        }
        out.append('}');
    }

    static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                value(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger
                || value instanceof BigDecimal
                || finite(value)) {
            out.append(value);
        } else {
            bound(out, value); // NaN, infinities and anything a future Payload may hold: as Jackson writes them
        }
    }

    private static boolean finite(Object value) {
        return (value instanceof Double d && Double.isFinite(d)) || (value instanceof Float f && Float.isFinite(f));
    }

    private static void bound(StringBuilder out, Object value) {
        try {
            out.append(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new EmailConnectorException(ErrorCode.INVALID_PAYLOAD, "The payload could not be written as JSON", e);
        }
    }

    /** Writes a JSON string with the escapes Jackson uses: {@code \" \\ \b \f \n \r \t} and a six-character escape for other control characters. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, start, i).append('\\');
            switch (c) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '\b' -> out.append('b');
                case '\f' -> out.append('f');
                case '\n' -> out.append('n');
                case '\r' -> out.append('r');
                case '\t' -> out.append('t');
                default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
            start = i + 1;
        }
        out.append(s, start, s.length()).append('"');
    }
}
