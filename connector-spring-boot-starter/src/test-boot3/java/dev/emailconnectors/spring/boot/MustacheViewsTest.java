package dev.emailconnectors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.mustache.MustacheAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.view.MustacheViewResolver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.View;

@DisplayName("Spring Boot 3's Mustache support beside the starter")
@ExtendWith(OutputCaptureExtension.class)
class MustacheViewsTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {}

    @Test
    @DisplayName("keeps a host's Mustache views: the check stays on and the view renders")
    void hostViews() {
        new WebApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(MustacheAutoConfiguration.class, EmailConnectorsAutoConfiguration.class))
                .withPropertyValues("spring.mustache.prefix=classpath:/views/")
                .withInitializer(context -> new MustacheTemplateLocationDefault()
                        .postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getEnvironment().getProperty(MustacheTemplateLocationDefault.CHECK))
                            .isNull();
                    View view = context.getBean(MustacheViewResolver.class).resolveViewName("greeting", Locale.ENGLISH);
                    MockHttpServletRequest request = new MockHttpServletRequest();
                    request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    view.render(Map.of("name", "Ada"), request, response);
                    assertThat(response.getContentAsString()).isEqualTo("Hello Ada from the host's view\n");
                });
    }

    @Test
    @DisplayName("warns as before when the host itself asks for the check")
    void hostSetting(CapturedOutput output) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", MustacheTemplateLocationDefault.CHECK + "=true")
                .run()) {
            assertThat(context.getEnvironment().getPropertySources().contains(MustacheTemplateLocationDefault.SOURCE))
                    .isFalse();
        }
        assertThat(output.getAll()).contains("Cannot find template location: classpath:/templates/");
    }
}
