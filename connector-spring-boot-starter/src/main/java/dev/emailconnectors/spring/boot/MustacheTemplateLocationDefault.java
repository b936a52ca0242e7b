package dev.emailconnectors.spring.boot;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.template.TemplateLocation;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * Keeps Spring Boot 3 from warning "Cannot find template location: classpath:/templates/" in every application with
 * the starter. The library renders its templates with JMustache; on Spring Boot 3 that jar alone switches on Spring's
 * Mustache auto-configuration, which then checks for view templates the application never meant to have.
 *
 * <p>Only when that auto-configuration exists (Spring Boot 3; Spring Boot 4 moved it to {@code spring-boot-mustache},
 * which an application adds only for Mustache views), the application has not set
 * {@code spring.mustache.check-template-location} itself, and the template location holds nothing (Spring Boot's own
 * {@link TemplateLocation} check), this adds
 * {@code spring.mustache.check-template-location=false} as a default of the lowest precedence. It changes nothing
 * else: an application with Mustache views has templates there, so its check, views and settings stay as they are.
 */
final class MustacheTemplateLocationDefault implements EnvironmentPostProcessor, Ordered {
    static final String BOOT3_MUSTACHE = "org.springframework.boot.autoconfigure.mustache.MustacheAutoConfiguration";
    static final String CHECK = "spring.mustache.check-template-location";
    static final String SOURCE = "emailConnectorsMustacheDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ClassLoader loader = application.getClassLoader();
        if (!ClassUtils.isPresent(BOOT3_MUSTACHE, loader) || environment.containsProperty(CHECK)) {
            return;
        }
        ResourceLoader resources = application.getResourceLoader() != null
                ? application.getResourceLoader()
                : new DefaultResourceLoader(loader);
        String prefix = environment.getProperty("spring.mustache.prefix", "classpath:/templates/");
        if (!new TemplateLocation(prefix).exists(new PathMatchingResourcePatternResolver(resources))) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(CHECK, "false")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the application's own configuration has been read
    }
}
