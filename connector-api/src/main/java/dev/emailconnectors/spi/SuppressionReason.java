package dev.emailconnectors.spi;

import java.util.Locale;

/** Why a recipient is on a {@link SuppressionList}. Each reason has a stable snake_case {@link #wireName()}. */
public enum SuppressionReason {
    /** An administrator (or the host, on the user's request) added the address. */
    MANUAL("manual"),
    /** The provider reported a permanent delivery failure: the mailbox does not exist or refuses mail for good. */
    HARD_BOUNCE("hard_bounce"),
    /** The recipient marked a message as spam; sending more harms the sender's reputation. */
    COMPLAINT("complaint"),
    /** Repeated temporary delivery failures (full mailbox, greylisting that never clears); usually with an expiry. */
    SOFT_BOUNCES("soft_bounces");

    private final String wireName;

    SuppressionReason(String wireName) {
        this.wireName = wireName;
    }

    /** @return the stable name stored and printed, for example {@code "hard_bounce"} */
    public String wireName() {
        return wireName;
    }

    /**
     * Finds a reason by its wire name or constant name, ignoring case.
     *
     * @param name for example {@code "hard_bounce"} or {@code "HARD_BOUNCE"}
     * @return the reason
     * @throws IllegalArgumentException naming the known reasons when there is no such reason
     */
    public static SuppressionReason of(String name) {
        for (SuppressionReason r : values()) {
            if (r.wireName.equalsIgnoreCase(name) || r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown suppression reason '" + name + "'; expected one of manual,"
                + " hard_bounce, complaint, soft_bounces");
    }

    @Override
    public String toString() {
        return wireName.toLowerCase(Locale.ROOT);
    }
}
