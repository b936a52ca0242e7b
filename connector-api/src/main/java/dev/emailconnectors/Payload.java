package dev.emailconnectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data a message is rendered with: the one-time {@code code}, a {@code link}, the {@code locale}, the raw
 * {@code uiLocales}, and any other variables the host sends, nested as JSON would be ({@code application},
 * {@code organization}, {@code user}, {@code inviter}, …). Immutable and safe to share.
 *
 * <p>Values may be strings, numbers, booleans, null, lists and string-keyed maps of those. {@link #toString()} masks
 * the code and the link (a magic link is as good as a code) and lists only the names of other variables.
 *
 * <pre>{@code
 * Payload payload = Payload.builder()
 *         .code("123456")
 *         .locale("fr-CA")
 *         .put("application", Map.of("name", "Acme"))
 *         .build();
 * }</pre>
 */
public final class Payload {
    /** The standard key of the one-time code. */
    public static final String CODE = "code";
    /** The standard key of the link (magic link, invitation link). */
    public static final String LINK = "link";
    /** The standard key of the resolved language tag, for example {@code en-US}. */
    public static final String LOCALE = "locale";
    /** The standard key of the raw OIDC {@code ui_locales} value (space-separated tags). */
    public static final String UI_LOCALES = "uiLocales";

    private static final int MAX_DEPTH = 32;
    private static final int MAX_CHARS = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Payload EMPTY = new Payload(Map.of());

    private final Map<String, Object> values;

    private Payload(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Returns a payload without any values.
     *
     * @return the empty payload
     */
    public static Payload empty() {
        return EMPTY;
    }

    /**
     * Copies a map into a payload.
     *
     * @param values the values; nested maps and lists are copied too
     * @return the payload
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_PAYLOAD} for unsupported value types, a standard
     *     key ({@code code}, {@code link}, {@code locale}, {@code uiLocales}) that is not a string, or a payload nested
     *     deeper than 32 levels or holding more than a million characters
     */
    public static Payload of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        int[] budget = {MAX_CHARS};
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) copy(values, "", 0, budget);
        for (String key : List.of(CODE, LINK, LOCALE, UI_LOCALES)) {
            Object v = copy.get(key);
            if (v != null && !(v instanceof String)) {
                throw invalid("'" + key + "' must be a string");
            }
        }
        return new Payload(copy);
    }

    /**
     * Converts a JSON object into a payload.
     *
     * @param json a JSON object
     * @return the payload
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_PAYLOAD} when the JSON is not an object or breaks
     *     the rules of {@link #of(Map)}
     */
    @SuppressWarnings("unchecked")
    public static Payload fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw invalid("must be a JSON object");
        }
        return of(JSON.convertValue(json, Map.class));
    }

    /**
     * Starts building a payload.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the one-time code, if any */
    public Optional<String> code() {
        return string(CODE);
    }

    /** @return the link, if any */
    public Optional<String> link() {
        return string(LINK);
    }

    /** @return the resolved language tag, if any */
    public Optional<String> locale() {
        return string(LOCALE);
    }

    /** @return the raw, space-separated {@code ui_locales}, if any */
    public Optional<String> uiLocales() {
        return string(UI_LOCALES);
    }

    /**
     * Returns the language the message should be in: {@code locale}, else the first of {@code uiLocales}.
     *
     * @return a BCP 47 language tag, if the payload names one
     */
    public Optional<String> preferredLanguageTag() {
        Optional<String> locale = locale().map(String::trim).filter(s -> !s.isEmpty());
        if (locale.isPresent()) {
            return locale;
        }
        return uiLocales().map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.split("\\s+")[0]);
    }

    /**
     * Returns a top-level value.
     *
     * @param key the variable name
     * @return the value (a string, number, boolean, list or map), or empty when absent or null
     */
    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * Tells whether a top-level variable is present (possibly with a null value).
     *
     * @param key the variable name
     * @return true when present
     */
    public boolean containsKey(String key) {
        return values.containsKey(key);
    }

    /** @return every value, as an unmodifiable map of unmodifiable maps and lists */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * Converts the payload to JSON.
     *
     * @return a new JSON object
     */
    public JsonNode toJson() {
        return JSON.valueToTree(values);
    }

    /**
     * Returns a builder holding this payload's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        return b;
    }

    private Optional<String> string(String key) {
        Object v = values.get(key);
        return v instanceof String ? Optional.of((String) v) : Optional.empty();
    }

    private static Object copy(Object value, String path, int depth, int[] budget) {
        if (depth > MAX_DEPTH) {
            throw invalid("is nested deeper than " + MAX_DEPTH + " levels at '" + path + "'");
        }
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof Character) {
            String s = value.toString();
            budget[0] -= s.length();
            if (budget[0] < 0) {
                throw invalid("holds more than " + MAX_CHARS + " characters");
            }
            return s;
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw invalid("has a non-string key at '" + path + "'");
                }
                String key = (String) e.getKey();
                String child = path.isEmpty() ? key : path + "." + key;
                budget[0] -= key.length();
                out.put(key, copy(e.getValue(), child, depth + 1, budget));
            }
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof Collection) {
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (Object item : (Collection<?>) value) {
                out.add(copy(item, path + "." + i++, depth + 1, budget));
            }
            return Collections.unmodifiableList(out);
        }
        if (value instanceof JsonNode) {
            return copy(JSON.convertValue(value, Object.class), path, depth, budget);
        }
        throw invalid("has a value of unsupported type " + value.getClass().getName() + " at '" + path + "'");
    }

    private static EmailConnectorException invalid(String reason) {
        return new EmailConnectorException(ErrorCode.INVALID_PAYLOAD, "Payload " + reason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload && ((Payload) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Masks the code and the link; other variables appear by name only. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Payload{");
        code().ifPresent(c -> s.append("code=***, "));
        link().ifPresent(l -> s.append("link=***, "));
        locale().ifPresent(l -> s.append("locale=").append(l).append(", "));
        uiLocales().ifPresent(l -> s.append("uiLocales=").append(l).append(", "));
        String others = values.keySet().stream()
                .filter(k -> !List.of(CODE, LINK, LOCALE, UI_LOCALES).contains(k))
                .collect(Collectors.joining(", "));
        s.append("variables=[").append(others).append("]}");
        return s.toString();
    }

    /** Builds a {@link Payload}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets the one-time code.
         *
         * @param code the code
         * @return this builder
         */
        public Builder code(String code) {
            return put(CODE, code);
        }

        /**
         * Sets the link.
         *
         * @param link the link
         * @return this builder
         */
        public Builder link(String link) {
            return put(LINK, link);
        }

        /**
         * Sets the resolved language tag.
         *
         * @param locale a BCP 47 tag such as {@code fr-CA}
         * @return this builder
         */
        public Builder locale(String locale) {
            return put(LOCALE, locale);
        }

        /**
         * Sets the raw OIDC {@code ui_locales}.
         *
         * @param uiLocales space-separated tags
         * @return this builder
         */
        public Builder uiLocales(String uiLocales) {
            return put(UI_LOCALES, uiLocales);
        }

        /**
         * Sets any variable.
         *
         * @param key the variable name
         * @param value a string, number, boolean, null, list or map
         * @return this builder
         */
        public Builder put(String key, Object value) {
            values.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * Sets several variables.
         *
         * @param more the variables
         * @return this builder
         */
        public Builder putAll(Map<String, ?> more) {
            values.putAll(more);
            return this;
        }

        /**
         * Builds the payload, checking it as {@link Payload#of(Map)} does.
         *
         * @return the payload
         */
        public Payload build() {
            return of(values);
        }
    }
}
