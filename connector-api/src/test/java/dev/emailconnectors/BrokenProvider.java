package dev.emailconnectors;

/** A provider whose construction fails, to prove discovery survives it. */
public class BrokenProvider extends RecordingProvider {
    /** Always fails. */
    public BrokenProvider() {
        throw new IllegalStateException("broken on purpose");
    }
}
