package dev.emailconnectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The compiled-template cache")
class TemplateCacheTest {
    private final List<String> compiled = new ArrayList<>();
    private final Function<String, Template> compiler = text -> {
        compiled.add(text);
        return Mustache.compiler().compile(text);
    };

    @Test
    @DisplayName("keeps templates in use while others come and go")
    void keepsTemplatesInUse() {
        TemplateCache cache = new TemplateCache(2);
        cache.get("a", compiler);
        cache.get("b", compiler);
        for (int i = 0; i < 10; i++) {
            cache.get("tenant-" + i, compiler);
            cache.get("a", compiler); // in use: never compiled again
        }
        assertThat(compiled).filteredOn("a"::equals).hasSize(1);
        assertThat(compiled).filteredOn(t -> t.startsWith("tenant-")).hasSize(10);
    }

    @Test
    @DisplayName("returns the same compiled template for the same text")
    void sameInstance() {
        TemplateCache cache = new TemplateCache(8);
        assertThat(cache.get("x {{y}}", compiler)).isSameAs(cache.get("x {{y}}", compiler));
        assertThat(compiled).hasSize(1);
    }
}
