package dev.emailconnectors.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.EmailConnectors;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Suite coverage")
class CoverageTest {
    @Test
    @DisplayName("every connector on the class path has a fixture, so the suites run against all of them")
    void everyConnectorHasAFixture() {
        List<Fixture> fixtures = Fixtures.all();
        try {
            Set<String> covered = fixtures.stream().map(Fixture::id).collect(Collectors.toSet());
            Set<String> discovered = EmailConnectors.discover().providers().stream()
                    .map(ConnectorDescriptor::id)
                    .collect(Collectors.toSet());
            assertThat(discovered)
                    .contains("smtp", "http", "ses", "sendgrid", "mailgun", "postmark", "aliyun", "builtin")
                    .contains("failover", "resilient");
            assertThat(covered).containsAll(discovered);
            assertThat(EmailConnectors.discover().problems()).isEmpty();
        } finally {
            fixtures.forEach(Fixture::close);
        }
    }
}
