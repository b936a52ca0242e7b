package dev.emailconnectors.internal;

import com.samskivert.mustache.Template;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Compiled templates by text, approximately least-recently-used: two generations of lock-free maps. A hit in the old
 * generation moves to the young one; when the young one is full it becomes the old one and the previous old one is
 * dropped. Templates in use therefore stay cached however many tenants come and go, without locking on every render.
 */
final class TemplateCache {
    private final int generationSize;
    private volatile Map<String, Template> young = new ConcurrentHashMap<>();
    private volatile Map<String, Template> old = new ConcurrentHashMap<>();

    TemplateCache(int generationSize) {
        this.generationSize = generationSize;
    }

    Template get(String text, Function<String, Template> compiler) {
        Template t = young.get(text);
        if (t != null) {
            return t;
        }
        t = old.get(text);
        if (t == null) {
            t = compiler.apply(text);
        }
        put(text, t);
        return t;
    }

    private void put(String text, Template t) {
        Map<String, Template> y = young;
        if (y.size() >= generationSize) {
            synchronized (this) {
                if (young == y) {
                    old = y;
                    young = new ConcurrentHashMap<>();
                }
            }
        }
        young.put(text, t);
    }
}
