package dev.emailconnectors.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recipient allowlist: exact addresses, whole domains ({@code *@example.com}) and domains with their subdomains
 * ({@code *@*.example.com}). Addresses compare case-insensitively, domains in their ASCII (punycode) form.
 */
final class Sandbox {
    private final Set<String> addresses;
    private final Set<String> domains;
    private final List<String> parentDomains;

    private Sandbox(Set<String> addresses, Set<String> domains, List<String> parentDomains) {
        this.addresses = Set.copyOf(addresses);
        this.domains = Set.copyOf(domains);
        this.parentDomains = List.copyOf(parentDomains);
    }

    static Sandbox of(JsonNode allow) {
        Set<String> addresses = new HashSet<>();
        Set<String> domains = new HashSet<>();
        List<String> parents = new ArrayList<>();
        for (JsonNode entry : allow) {
            String pattern = entry.asText().trim();
            if (pattern.startsWith("*@*.")) {
                parents.add("." + domain(pattern.substring(4)));
            } else if (pattern.startsWith("*@")) {
                domains.add(domain(pattern.substring(2)));
            } else {
                addresses.add(key(EmailAddress.parse(pattern)));
            }
        }
        return new Sandbox(addresses, domains, parents);
    }

    /** Checks every pattern of an allowlist, reporting each bad one with its path. */
    static List<ConfigViolation> check(JsonNode config, String pointer) {
        List<ConfigViolation> out = new ArrayList<>();
        JsonNode allow = config.at(pointer);
        for (int i = 0; i < allow.size(); i++) {
            JsonNode entry = allow.get(i);
            if (!entry.isTextual()) {
                continue;
            }
            try {
                of(JsonNodeFactory.instance.arrayNode().add(entry));
            } catch (EmailConnectorException e) {
                out.add(new ConfigViolation(
                        pointer + "/" + i,
                        "must be an address (user@example.com), *@domain or *@*.domain: " + e.detail()));
            }
        }
        return out;
    }

    /**
     * Refuses a recipient that is not allowed.
     *
     * @param to the recipient
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_RECIPIENT}
     */
    void check(EmailAddress to) {
        String domain = to.asciiDomain().toLowerCase(Locale.ROOT);
        if (addresses.contains(key(to))
                || domains.contains(domain)
                || parentDomains.stream().anyMatch(domain::endsWith)) {
            return;
        }
        throw EmailConnectorException.builder(
                        ErrorCode.INVALID_RECIPIENT,
                        "The recipient is not on this connector's sandbox allowlist; nothing was sent")
                .retryable(false)
                .build();
    }

    private static String domain(String domain) {
        return EmailAddress.parse("x@" + domain).asciiDomain().toLowerCase(Locale.ROOT);
    }

    private static String key(EmailAddress address) {
        return address.localPart().toLowerCase(Locale.ROOT) + "@"
                + address.asciiDomain().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Sandbox[" + (addresses.size() + domains.size() + parentDomains.size()) + " patterns]";
    }
}
