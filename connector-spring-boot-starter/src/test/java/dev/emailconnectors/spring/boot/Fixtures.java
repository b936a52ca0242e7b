package dev.emailconnectors.spring.boot;

import dev.emailconnectors.TemplateType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** Properties and files shared by the tests. */
final class Fixtures {
    static final String PASSWORD = "Secret-Pa55word-9f3c";

    /** The starter's directory: its README and test resources, whichever Spring Boot line's module runs the suite. */
    static final Path STARTER = Path.of(System.getProperty("starter.dir", "."));

    private Fixtures() {}

    /** @return properties of an SMTP connector on 127.0.0.1 without TLS, as an application.properties would hold */
    static List<String> smtpProperties(int port) {
        List<String> lines = new ArrayList<>(List.of(
                "email-connectors.connector=smtp",
                "email-connectors.config.host=127.0.0.1",
                "email-connectors.config.port=" + port,
                "email-connectors.config.ignoreTLS=true",
                "email-connectors.config.fromEmail=Example <noreply@example.com>"));
        List<TemplateType> types = List.of(
                TemplateType.REGISTER, TemplateType.SIGN_IN, TemplateType.FORGOT_PASSWORD, TemplateType.GENERIC);
        for (int i = 0; i < types.size(); i++) {
            String t = "email-connectors.config.templates[" + i + "].";
            lines.add(t + "usageType=" + types.get(i).wireName());
            lines.add(t + "contentType=text/plain");
            lines.add(t + "subject=" + types.get(i).wireName() + " code {{code}}");
            lines.add(t + "content=Your code is {{code}}.");
        }
        return lines;
    }

    /** @return a loopback port nothing listens on */
    static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return an initializer that adds a YAML file from the test resources, as Spring Boot loads application.yml */
    static ApplicationContextInitializer<ConfigurableApplicationContext> yaml(String resource) {
        return context -> {
            try {
                for (PropertySource<?> source :
                        new YamlPropertySourceLoader().load(resource, new ClassPathResource(resource))) {
                    context.getEnvironment().getPropertySources().addLast(source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
