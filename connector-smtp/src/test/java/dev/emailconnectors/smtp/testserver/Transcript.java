package dev.emailconnectors.smtp.testserver;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What one connection to the scripted server received, in order. Thread-safe. */
public final class Transcript {
    private final int index;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile boolean tls;
    private volatile boolean ended;

    Transcript(int index) {
        this.index = index;
    }

    void add(String line) {
        lines.add(line);
    }

    void tls() {
        tls = true;
    }

    void end() {
        ended = true;
    }

    /** @return the index of the connection (0 for the first) */
    public int index() {
        return index;
    }

    /** @return every line the client sent outside message data, including authentication exchanges */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** @return the verbs of the commands, in order ({@code EHLO}, {@code MAIL}, …) */
    public List<String> verbs() {
        return lines.stream().map(Command::verbOf).toList();
    }

    /** @return whether the connection switched to TLS (STARTTLS or implicit) */
    public boolean usedTls() {
        return tls;
    }

    /** @return whether the connection is over */
    public boolean ended() {
        return ended;
    }

    @Override
    public String toString() {
        return "Transcript#" + index + verbs();
    }
}
