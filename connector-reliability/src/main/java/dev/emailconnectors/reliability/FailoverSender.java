package dev.emailconnectors.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendRequest;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import dev.failsafe.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends through the first member whose circuit is closed; see {@link FailoverProvider} for the rules. */
final class FailoverSender implements EmailSender {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverSender.class);

    private final List<Member> members;
    private final boolean stopOnTimeout;
    private final Set<ErrorCode> failOverOn;

    private FailoverSender(List<Member> members, boolean stopOnTimeout, Set<ErrorCode> failOverOn) {
        this.members = List.copyOf(members);
        this.stopOnTimeout = stopOnTimeout;
        this.failOverOn = failOverOn;
    }

    static FailoverSender create(JsonNode config, ConnectorContext context) {
        ConnectorCatalog catalog = Catalogs.of(context, FailoverProvider.ID);
        JsonNode cb = config.path("circuitBreaker");
        int failureThreshold = cb.path("failureThreshold").asInt(3);
        int successThreshold = cb.path("successThreshold").asInt(1);
        Duration delay = Settings.duration(cb, "delay", Duration.ofSeconds(30));
        Set<ErrorCode> failOverOn = EnumSet.noneOf(ErrorCode.class);
        for (JsonNode code : config.path("failOverOn")) {
            for (ErrorCode c : ErrorCode.values()) {
                if (c.wireCode().equals(code.asText())) {
                    failOverOn.add(c);
                }
            }
        }
        List<Member> members = new ArrayList<>();
        try {
            JsonNode list = config.get("connectors");
            for (int i = 0; i < list.size(); i++) {
                JsonNode m = list.get(i);
                String id = m.get("id").asText();
                String name = m.path("name").asText(id);
                EmailConnector connector = Catalogs.createMember(catalog, id, m.get("config"), context, i);
                members.add(new Member(i, name, connector, breaker(name, failureThreshold, successThreshold, delay)));
            }
        } catch (RuntimeException e) {
            members.forEach(m -> m.connector().close());
            throw e;
        }
        return new FailoverSender(
                members, "stop".equals(config.path("onTimeout").asText()), failOverOn);
    }

    private static CircuitBreaker<SendResult> breaker(String name, int failures, int successes, Duration delay) {
        return CircuitBreaker.<SendResult>builder()
                .withFailureThreshold(failures)
                .withSuccessThreshold(successes)
                .withDelay(delay)
                .onOpen(e -> LOG.warn(
                        "Failover member '{}' failed {} times in a row; skipping it for {}", name, failures, delay))
                .onHalfOpen(e -> LOG.info("Failover member '{}' is probed again", name))
                .onClose(e -> LOG.info("Failover member '{}' is healthy again", name))
                .build();
    }

    @Override
    public SendResult send(OutboundMessage message) {
        SendRequest request = Requests.forward(message, message.attempt());
        List<String> via = new ArrayList<>();
        List<Member> failedMembers = new ArrayList<>();
        List<EmailConnectorException> failures = new ArrayList<>();
        List<Duration> openFor = new ArrayList<>();
        for (Member member : members) {
            if (!member.breaker().tryAcquirePermit()) {
                via.add(member.name() + ":circuit_open");
                openFor.add(Circuits.untilAvailable(member.breaker()));
                continue;
            }
            SendResult result;
            try {
                result = member.connector().send(request);
            } catch (EmailConnectorException e) {
                if (!movesOn(e)) {
                    member.breaker().recordSuccess(); // the member answered; the message is the problem
                    throw stopped(member, e, "refused the message");
                }
                member.breaker().recordFailure();
                if (e.code() == ErrorCode.TIMEOUT && stopOnTimeout) {
                    throw stopped(member, e, "timed out (onTimeout is \"stop\": not trying another member)");
                }
                LOG.debug("Failover member '{}' failed with {}; trying the next", member.name(), e.code());
                via.add(member.name() + ":" + e.code().wireCode());
                failedMembers.add(member);
                failures.add(e);
                continue;
            } catch (RuntimeException e) {
                member.breaker().recordFailure();
                throw e;
            }
            member.breaker().recordSuccess();
            via.add(member.name() + ":accepted");
            return result.withConnectorId(FailoverProvider.ID)
                    .withDetail("member", member.name())
                    .withDetail("memberIndex", Integer.toString(member.index()))
                    .withDetail("via", String.join(",", via));
        }
        throw Exhausted.of(failedMembers, failures, openFor, via);
    }

    private boolean movesOn(EmailConnectorException e) {
        return e.retryable() || failOverOn.contains(e.code());
    }

    private static EmailConnectorException stopped(Member member, EmailConnectorException e, String what) {
        return e.toBuilder()
                .message(
                        "Failover member '" + member.name() + "' (#" + member.index() + ") " + what + ": " + e.detail())
                .build();
    }

    @Override
    public boolean retriesInternally() {
        return members.stream().anyMatch(m -> m.connector().retriesInternally());
    }

    @Override
    public boolean supportsConnectionCheck() {
        return members.stream().anyMatch(m -> m.connector().supportsConnectionCheck());
    }

    @Override
    public void checkConnection() {
        Catalogs.checkEach(members.stream()
                .filter(m -> m.connector().supportsConnectionCheck())
                .map(m -> new Catalogs.Named(m.name(), m.connector()))
                .toList());
    }

    @Override
    public void close() {
        for (Member m : members) {
            try {
                m.connector().close();
            } catch (RuntimeException e) {
                LOG.warn(
                        "Closing failover member '{}' failed: {}",
                        m.name(),
                        e.getClass().getName());
            }
        }
    }
}
