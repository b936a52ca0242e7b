package dev.emailconnectors.smtp.testserver;

import java.time.Duration;
import java.util.Objects;

/** What the server does with one command: its usual answer, a scripted reply, silence, or dropping the connection. */
public final class Action {
    enum Kind {
        NORMAL,
        REPLY,
        CLOSE,
        SILENCE,
        DROP_DURING_DATA
    }

    private static final Action NORMAL = new Action(Kind.NORMAL, null, false, Duration.ZERO, 0);

    final Kind kind;
    final String reply;
    final boolean closeAfter;
    final Duration delay;
    final int dataBytes;
    final boolean stallAfter;

    private Action(Kind kind, String reply, boolean closeAfter, Duration delay, int dataBytes) {
        this(kind, reply, closeAfter, delay, dataBytes, false);
    }

    private Action(Kind kind, String reply, boolean closeAfter, Duration delay, int dataBytes, boolean stallAfter) {
        this.kind = kind;
        this.reply = reply;
        this.closeAfter = closeAfter;
        this.delay = delay;
        this.dataBytes = dataBytes;
        this.stallAfter = stallAfter;
    }

    /** @return the server's usual answer */
    public static Action normal() {
        return NORMAL;
    }

    /**
     * Answers with a reply.
     *
     * @param code the reply code, for example 550
     * @param text the text, for example {@code "5.1.1 No such user"}; lines separated by {@code \n} make a multi-line
     *     reply
     * @return the action
     */
    public static Action reply(int code, String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            s.append(code).append(i < lines.length - 1 ? '-' : ' ').append(lines[i]);
            if (i < lines.length - 1) {
                s.append("\r\n");
            }
        }
        return new Action(Kind.REPLY, s.toString(), false, Duration.ZERO, 0);
    }

    /** @return an action that drops the connection without answering */
    public static Action close() {
        return new Action(Kind.CLOSE, null, true, Duration.ZERO, 0);
    }

    /** @return an action that never answers (the client's read timeout fires), keeping the connection open */
    public static Action silence() {
        return new Action(Kind.SILENCE, null, false, Duration.ZERO, 0);
    }

    /**
     * For {@code DATA}: answers 354, reads this many bytes of the message, then drops the connection.
     *
     * @param bytes how much of the message to read first
     * @return the action
     */
    public static Action dropDuringData(int bytes) {
        return new Action(Kind.DROP_DURING_DATA, null, true, Duration.ZERO, bytes);
    }

    /** @return this action, after which the server closes the connection */
    public Action thenClose() {
        return new Action(kind, reply, true, delay, dataBytes, stallAfter);
    }

    /**
     * After this action the server stops reading (the client's writes eventually block) and holds the connection
     * until the client or the test closes it. For example {@code Action.reply(354, "Go ahead").thenStall()} on
     * {@code DATA}.
     *
     * @return the action
     */
    public Action thenStall() {
        return new Action(kind, reply, closeAfter, delay, dataBytes, true);
    }

    /**
     * Delays this action.
     *
     * @param wait how long to wait before acting
     * @return the delayed action
     */
    public Action after(Duration wait) {
        return new Action(kind, reply, closeAfter, Objects.requireNonNull(wait), dataBytes, stallAfter);
    }

    @Override
    public String toString() {
        return kind
                + (reply == null ? "" : "(" + reply + ")")
                + (closeAfter ? "+close" : "")
                + (stallAfter ? "+stall" : "");
    }
}
