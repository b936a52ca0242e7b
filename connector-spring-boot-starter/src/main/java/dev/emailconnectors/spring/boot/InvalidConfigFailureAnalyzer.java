package dev.emailconnectors.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an {@link InvalidEmailConnectorConfigException} in Spring Boot's "APPLICATION FAILED TO START" report. */
final class InvalidConfigFailureAnalyzer extends AbstractFailureAnalyzer<InvalidEmailConnectorConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidEmailConnectorConfigException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct the listed email-connectors properties (each connector's README and JSON Schema list"
                        + " its fields), or remove email-connectors.connector to start without an active"
                        + " email connector.",
                cause);
    }
}
