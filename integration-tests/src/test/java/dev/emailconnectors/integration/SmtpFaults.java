package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ErrorCode;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** The SMTP faults of the fault-injection suite, as a table. */
final class SmtpFaults {
    private SmtpFaults() {}

    /**
     * One fault.
     *
     * @param name what goes wrong
     * @param inject makes the peer (or the configuration) fail this way
     * @param codes the error codes that are right (the first is the usual one)
     * @param retryable whether the error must be retryable
     * @param failover what a failover over the faulty and a healthy server must do
     */
    record Fault(
            String name,
            BiConsumer<SmtpFixture, ObjectNode> inject,
            Set<ErrorCode> codes,
            boolean retryable,
            HttpFaults.Failover failover) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Fault> all() {
        return List.of(
                transientFault("connection refused", (f, c) -> c.put("port", Ports.closed())),
                transientFault("greeting 421", (f, c) -> f.peer.reply("GREETING", "421 4.3.2 Service not available")),
                transientFault("451 on MAIL FROM", (f, c) -> f.peer.reply("MAIL", "451 4.3.0 Try again later")),
                transientFault("451 on RCPT TO", (f, c) -> f.peer.reply("RCPT", "451 4.7.1 Greylisted, try again")),
                transientFault("452 on RCPT TO", (f, c) -> f.peer.reply("RCPT", "452 4.2.2 Mailbox full")),
                transientFault("421 on RCPT TO", (f, c) -> f.peer.reply("RCPT", "421 4.3.2 Closing connection")),
                transientFault("451 after DATA", (f, c) -> f.peer.reply(".", "451 4.3.0 Local error in processing")),
                transientFault("452 after DATA", (f, c) -> f.peer.reply(".", "452 4.3.1 Insufficient storage")),
                transientFault("disconnect in the middle of DATA", (f, c) -> f.peer.dropInData()),
                new Fault(
                        "a greeting slower than the timeout",
                        (f, c) -> f.peer.greetingDelay(SmtpFixture.TIMEOUT_MS * 3L),
                        Set.of(ErrorCode.TIMEOUT),
                        true,
                        HttpFaults.Failover.NEXT),
                new Fault(
                        "550 on RCPT TO",
                        (f, c) -> f.peer.reply("RCPT", "550 5.1.1 No such user"),
                        Set.of(ErrorCode.INVALID_RECIPIENT),
                        false,
                        HttpFaults.Failover.STOP),
                new Fault(
                        "554 after DATA",
                        (f, c) -> f.peer.reply(".", "554 5.7.1 Message rejected as spam"),
                        Set.of(ErrorCode.PROVIDER_REJECTED),
                        false,
                        HttpFaults.Failover.STOP),
                new Fault(
                        "535 on AUTH",
                        (f, c) -> f.failAuthentication(),
                        Set.of(ErrorCode.AUTHENTICATION_FAILED),
                        false,
                        HttpFaults.Failover.NEXT),
                new Fault(
                        "530 authentication required on MAIL FROM",
                        (f, c) -> f.peer.reply("MAIL", "530 5.7.0 Authentication required"),
                        Set.of(ErrorCode.AUTHENTICATION_FAILED),
                        false,
                        HttpFaults.Failover.NEXT),
                new Fault(
                        "STARTTLS missing while TLS is required",
                        (f, c) -> c.put("ignoreTLS", false).put("requireTLS", true),
                        Set.of(ErrorCode.PROVIDER_REJECTED, ErrorCode.INVALID_CONFIG, ErrorCode.PROVIDER_UNAVAILABLE),
                        false,
                        HttpFaults.Failover.STOP));
    }

    private static Fault transientFault(String name, BiConsumer<SmtpFixture, ObjectNode> inject) {
        return new Fault(name, inject, Set.of(ErrorCode.PROVIDER_UNAVAILABLE), true, HttpFaults.Failover.NEXT);
    }
}
