package dev.emailconnectors.spring.boot;

import dev.emailconnectors.spi.ConnectorContext;

/**
 * Adjusts the {@link ConnectorContext} the starter builds, after the properties have been applied. Declare one as a
 * bean to pass your template resolver, a clock, or a host object for a connector module:
 *
 * <pre>{@code
 * @Bean
 * ConnectorContextCustomizer emailTemplates(TemplateStore store) {
 *     return context -> context
 *             .templateResolver((type, language) -> store.find(type, language))
 *             .extension(ReliabilityStore.class, sharedStore);
 * }
 * }</pre>
 *
 * <p>Customizers run in {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface ConnectorContextCustomizer {

    /**
     * Adjusts the context being built.
     *
     * @param context the builder, with the properties applied
     */
    void customize(ConnectorContext.Builder context);
}
