package dev.emailconnectors.testkit;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.SendEvent;
import dev.emailconnectors.SendListener;
import dev.emailconnectors.SendResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link SendListener} that records what it observes, for assertions. Thread-safe. */
public final class RecordingSendListener implements SendListener {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<SendResult> results = new CopyOnWriteArrayList<>();
    private final List<EmailConnectorException> failures = new CopyOnWriteArrayList<>();

    /** Creates a listener with nothing recorded. */
    public RecordingSendListener() {}

    @Override
    public void onStart(SendEvent event) {
        events.add("start:" + event.connectorId() + ":" + event.template().wireName());
    }

    @Override
    public void onSuccess(SendEvent event, SendResult result, Duration duration) {
        events.add("success:" + event.connectorId() + ":" + event.template().wireName());
        results.add(result);
    }

    @Override
    public void onFailure(SendEvent event, EmailConnectorException error, Duration duration) {
        events.add("failure:" + event.connectorId() + ":" + error.code().wireCode());
        failures.add(error);
    }

    /** @return the events as {@code "start|success|failure:connector:type-or-code"} */
    public List<String> events() {
        return List.copyOf(events);
    }

    /** @return every receipt */
    public List<SendResult> results() {
        return List.copyOf(results);
    }

    /** @return every failure */
    public List<EmailConnectorException> failures() {
        return List.copyOf(failures);
    }
}
