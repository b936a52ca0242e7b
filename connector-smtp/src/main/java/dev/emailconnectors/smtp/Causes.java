package dev.emailconnectors.smtp;

/** Searching a cause chain (including Jakarta Mail's nested exceptions, which are also causes). */
final class Causes {
    private static final int MAX_DEPTH = 16;

    private Causes() {}

    /**
     * Finds the first throwable of a type in a cause chain.
     *
     * @param t the outermost throwable
     * @param type the type to find
     * @param <T> the type
     * @return the throwable, or null
     */
    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        Throwable x = t;
        for (int i = 0; x != null && i < MAX_DEPTH; i++) {
            if (type.isInstance(x)) {
                return type.cast(x);
            }
            x = x.getCause();
        }
        return null;
    }
}
