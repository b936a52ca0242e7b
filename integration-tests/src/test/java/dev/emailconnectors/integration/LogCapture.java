package dev.emailconnectors.integration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of every logger at DEBUG (the root logger is switched to DEBUG while it is open), with the
 * formatted message, the arguments and the attached throwable's full text.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previous;

    LogCapture() {
        setContext(root.getLoggerContext());
        setName("capture");
        start();
        previous = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder s = new StringBuilder(event.getLoggerName())
                .append(' ')
                .append(event.getLevel())
                .append(' ')
                .append(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object arg : event.getArgumentArray()) {
                s.append(" | ").append(arg);
            }
        }
        IThrowableProxy t = event.getThrowableProxy();
        if (t != null) {
            s.append('\n').append(ThrowableProxyUtil.asString(t));
            appendFrames(s, t);
        }
        lines.add(s.toString());
    }

    private static void appendFrames(StringBuilder s, IThrowableProxy t) {
        for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
            s.append(frame.getSTEAsString()).append('\n');
        }
    }

    /** @return every captured line so far */
    List<String> lines() {
        return new ArrayList<>(lines);
    }

    void clear() {
        lines.clear();
    }

    @Override
    public void close() {
        root.detachAppender(this);
        root.setLevel(previous);
        stop();
    }
}
