package dev.emailconnectors.smtp.testserver;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides how the server answers one command. Return {@link Action#normal()} (or null) for the server's usual answer.
 */
@FunctionalInterface
public interface Responder {

    /**
     * Chooses the action for a command.
     *
     * @param command the command received
     * @return what to do
     */
    Action respond(Command command);

    /**
     * Answers every such command the same way.
     *
     * @param action the action
     * @return the responder
     */
    static Responder always(Action action) {
        return command -> action;
    }

    /**
     * Answers the first such commands (over all connections) with the given actions in order, and later ones normally.
     *
     * @param actions the actions; {@link Action#normal()} keeps the usual answer for that position
     * @return the responder
     */
    static Responder sequence(Action... actions) {
        List<Action> list = List.of(actions);
        AtomicInteger next = new AtomicInteger();
        return command -> {
            int i = next.getAndIncrement();
            return i < list.size() ? list.get(i) : Action.normal();
        };
    }
}
