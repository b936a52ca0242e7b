package dev.emailconnectors.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Renders {@code {{ placeholder }}} templates with JMustache, configured for Logto's rules: dotted paths and array
 * indexes resolve into the payload; a placeholder whose first segment is absent from the payload is left as written;
 * a missing nested value or null renders empty; lists render comma-separated. Values are HTML-escaped when rendering
 * HTML. Compiled templates are cached by their text.
 */
public final class TemplateRenderer {
    private static final int CACHE_LIMIT = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Mustache.Compiler BASE = Mustache.compiler()
            .withCollector(new PayloadCollector())
            .withFormatter(TemplateRenderer::format)
            .defaultValue("")
            .emptyStringIsFalse(true);
    private static final Mustache.Compiler HTML = BASE.withEscaper(Escapers.HTML);
    private static final Mustache.Compiler TEXT = BASE.withEscaper(Escapers.NONE);
    private static final TemplateCache HTML_CACHE = new TemplateCache(CACHE_LIMIT);
    private static final TemplateCache TEXT_CACHE = new TemplateCache(CACHE_LIMIT);

    private TemplateRenderer() {}

    /**
     * Renders a template.
     *
     * @param template the template text
     * @param payload the values
     * @param html whether to HTML-escape values
     * @return the rendered text
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} when the template does not parse
     */
    public static String render(String template, Payload payload, boolean html) {
        if (template.indexOf("{{") < 0) {
            return template;
        }
        Template compiled = compile(template, html);
        try {
            return compiled.execute(new Root(payload.asMap()));
        } catch (MustacheException e) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_CONFIG, "Template could not be rendered: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a template's syntax.
     *
     * @param template the template text
     * @return a description of the problem, or null when the template parses
     */
    public static String syntaxProblem(String template) {
        try {
            TEXT.compile(template);
            return null;
        } catch (MustacheException e) {
            return "Template syntax error: " + e.getMessage();
        }
    }

    /**
     * Lists the placeholders that the payload cannot fill: those whose first segment is absent (left as written) and
     * those whose nested value is missing (rendered empty). Placeholders inside sections are resolved relative to the
     * section and are not checked.
     *
     * @param template the template text
     * @param payload the values
     * @return the unresolved placeholder names, in order of appearance, without duplicates
     */
    public static List<String> unresolved(String template, Payload payload) {
        if (template.indexOf("{{") < 0) {
            return List.of();
        }
        UnresolvedVisitor visitor = new UnresolvedVisitor(payload.asMap());
        compile(template, false).visit(visitor);
        return visitor.result();
    }

    private static Template compile(String template, boolean html) {
        return (html ? HTML_CACHE : TEXT_CACHE).get(template, t -> {
            try {
                return (html ? HTML : TEXT).compile(t);
            } catch (MustacheException e) {
                throw new EmailConnectorException(
                        ErrorCode.INVALID_CONFIG, "Template syntax error: " + e.getMessage(), e);
            }
        });
    }

    /** Resolves a dotted path in the payload; {@code null} when a segment is missing. */
    static Object lookup(Map<String, Object> root, String path) {
        Object current = root;
        for (String part : path.split("\\.", -1)) {
            if (current instanceof Map && ((Map<?, ?>) current).containsKey(part)) {
                current = ((Map<?, ?>) current).get(part);
            } else if (current instanceof List && part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
                List<?> list = (List<?>) current;
                int index = Integer.parseInt(part);
                current = index < list.size() ? list.get(index) : Missing.INSTANCE;
            } else {
                return Missing.INSTANCE;
            }
        }
        return current;
    }

    private static CharSequence format(Object value) {
        if (value instanceof Unresolved) {
            return "{{" + ((Unresolved) value).path + "}}";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return value.toString();
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List) {
            return ((List<?>) value)
                    .stream().map(v -> v == null ? "" : format(v).toString()).collect(Collectors.joining(","));
        }
        if (value instanceof Map || value instanceof Root) {
            try {
                return JSON.writeValueAsString(value instanceof Root ? ((Root) value).values : value);
            } catch (JsonProcessingException e) {
                return "";
            }
        }
        return String.valueOf(value);
    }

    /** The payload as the root context. */
    private record Root(Map<String, Object> values) {}

    /** A placeholder whose first segment is not in the payload; it renders as written. */
    private record Unresolved(String path) {}

    /** Marker for a missing value during static lookups. */
    private enum Missing {
        INSTANCE
    }

    /** Resolves names in the payload, producing {@link Unresolved} for absent roots. */
    private static final class PayloadCollector extends BasicCollector {
        private static final Mustache.VariableFetcher ROOT = (ctx, name) -> {
            Map<String, Object> values = ((Root) ctx).values;
            if (values.containsKey(name)) {
                return values.get(name);
            }
            return name.indexOf('.') >= 0 ? Template.NO_FETCHER_FOUND : new Unresolved(name);
        };
        private static final Mustache.VariableFetcher UNRESOLVED =
                (ctx, name) -> new Unresolved(((Unresolved) ctx).path + "." + name);

        @Override
        public Mustache.VariableFetcher createFetcher(Object ctx, String name) {
            if (ctx instanceof Root) {
                return ROOT;
            }
            if (ctx instanceof Unresolved) {
                return UNRESOLVED;
            }
            return super.createFetcher(ctx, name);
        }

        @Override
        public Iterator<?> toIterator(Object value) {
            if (value instanceof Unresolved) {
                return Collections.emptyIterator();
            }
            return super.toIterator(value);
        }

        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    }

    /** Collects top-level placeholders that the payload cannot fill. */
    private static final class UnresolvedVisitor implements Mustache.Visitor {
        private final Map<String, Object> root;
        private final LinkedHashSet<String> missing = new LinkedHashSet<>();

        UnresolvedVisitor(Map<String, Object> root) {
            this.root = root;
        }

        @Override
        public void visitText(String text) {}

        @Override
        public void visitVariable(String name) {
            check(name);
        }

        @Override
        public boolean visitInclude(String name) {
            return false;
        }

        @Override
        public boolean visitSection(String name) {
            return false; // a section is conditional: an absent value simply hides it
        }

        @Override
        public boolean visitInvertedSection(String name) {
            return false;
        }

        private void check(String name) {
            if (!".".equals(name) && !"this".equals(name) && lookup(root, name) == Missing.INSTANCE) {
                missing.add(name);
            }
        }

        List<String> result() {
            return List.copyOf(missing);
        }
    }
}
