package dev.emailconnectors.reliability;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The failure of a failover send that no member accepted. */
final class Exhausted {
    private Exhausted() {}

    /**
     * Builds the failure: {@code TIMEOUT} when any member timed out (acceptance unknown), else the members' common
     * code, else {@code PROVIDER_UNAVAILABLE}; retryable when any failure was or a circuit was open; the earliest
     * retry-after of the failures and open circuits; the last failure as cause and the others suppressed.
     */
    static EmailConnectorException of(
            List<Member> members, List<EmailConnectorException> failures, List<Duration> openFor, List<String> via) {
        if (failures.isEmpty()) {
            return EmailConnectorException.builder(
                            ErrorCode.PROVIDER_UNAVAILABLE,
                            "Every failover member's circuit is open or being probed (" + String.join(", ", via)
                                    + "); no member was tried")
                    .retryAfter(earliest(openFor, List.of()).orElse(null))
                    .build();
        }
        ErrorCode code = code(failures);
        StringBuilder message = new StringBuilder("No failover member accepted the message:");
        for (int i = 0; i < failures.size(); i++) {
            Member m = members.get(i);
            message.append(i == 0 ? " " : "; ")
                    .append('\'')
                    .append(m.name())
                    .append("' (#")
                    .append(m.index())
                    .append(") ")
                    .append(failures.get(i).getMessage());
        }
        if (!openFor.isEmpty()) {
            message.append("; ").append(openFor.size()).append(" member(s) skipped with an open circuit");
        }
        EmailConnectorException last = failures.get(failures.size() - 1);
        boolean retryable = !openFor.isEmpty() || failures.stream().anyMatch(EmailConnectorException::retryable);
        EmailConnectorException out = EmailConnectorException.builder(code, message.toString())
                .retryable(retryable)
                .retryAfter(earliest(openFor, failures).orElse(null))
                .cause(last)
                .build();
        failures.subList(0, failures.size() - 1).forEach(out::addSuppressed);
        return out;
    }

    private static ErrorCode code(List<EmailConnectorException> failures) {
        if (failures.stream().anyMatch(f -> f.code() == ErrorCode.TIMEOUT)) {
            return ErrorCode.TIMEOUT;
        }
        ErrorCode first = failures.get(0).code();
        return failures.stream().allMatch(f -> f.code() == first) ? first : ErrorCode.PROVIDER_UNAVAILABLE;
    }

    private static Optional<Duration> earliest(List<Duration> openFor, List<EmailConnectorException> failures) {
        List<Duration> all = new ArrayList<>(openFor);
        failures.forEach(f -> f.retryAfter().ifPresent(all::add));
        return all.stream().filter(d -> !d.isNegative()).min(Duration::compareTo);
    }
}
