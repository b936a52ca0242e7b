package dev.emailconnectors.spi;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.internal.Scrubber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The secrets of one connector, and the one way to remove them from text: every text that leaves a connector (error
 * messages, provider codes and request ids, log lines, protocol transcripts) goes through {@link #scrub(String)}.
 * Secrets are found as they are, URL-encoded, JSON- and HTML-escaped, whitespace-collapsed, inside base64 tokens and
 * truncated (a long prefix or suffix); shorten text only after scrubbing it.
 *
 * <p>The core builds one per connector from the configuration's secret fields and hands it to the provider as
 * {@link ConnectorContext#scrubber()}; it scrubs every exception the connector throws with it. Secrets obtained at run
 * time join it with {@link #add(String)}:
 *
 * <pre>{@code
 * // in EmailConnectorProvider.create(config, context)
 * SecretScrubber scrubber = context.scrubber();
 * ...
 * AccessToken token = tokenEndpoint.fetch();
 * scrubber.add(token.value());               // from now on masked in every error and log line of this connector
 * log.debug("SMTP <<< {}", scrubber.scrub(reply));
 * }</pre>
 *
 * <p>A connector nested in a composite (a failover member) gets a child of the composite's scrubber: what the member
 * adds is scrubbed by the composite too. Thread-safe; {@link #add(String)} keeps the 64 most recent run-time secrets
 * (older access tokens have expired), configuration secrets are kept for the connector's life.
 */
public final class SecretScrubber {
    /** Run-time secrets kept, most recent first; a long-lived connector refreshing tokens must not grow forever. */
    static final int MAX_RUNTIME_SECRETS = 64;
    /** Shorter values are not searched for in free text: they would mask ordinary words. */
    static final int MIN_LENGTH = 4;

    private static final SecretScrubber NONE = new SecretScrubber(List.of(), null, false);

    private final List<String> fixed;
    private final SecretScrubber parent;
    private final boolean accepts;
    private volatile List<String> runtime = List.of();
    private volatile List<String> all;

    private SecretScrubber(List<String> fixed, SecretScrubber parent, boolean accepts) {
        this.fixed = fixed;
        this.parent = parent;
        this.accepts = accepts;
        this.all = fixed;
    }

    /**
     * Returns a scrubber that knows no secret and ignores {@link #add(String)}: the default of a context the core did
     * not build, so that nothing accumulates in a context shared between connectors.
     *
     * @return the empty scrubber
     */
    public static SecretScrubber none() {
        return NONE;
    }

    /**
     * Creates a scrubber for a set of secrets.
     *
     * @param secrets the secret values; values shorter than 4 characters are ignored
     * @return a scrubber that also accepts run-time secrets
     */
    public static SecretScrubber of(Collection<String> secrets) {
        return new SecretScrubber(usable(secrets), null, true);
    }

    /**
     * Creates the scrubber of a nested connector: it knows its own secrets and passes what is {@link #add added} on to
     * this one.
     *
     * @param secrets the nested connector's configuration secrets
     * @return the child scrubber
     */
    public SecretScrubber child(Collection<String> secrets) {
        return new SecretScrubber(usable(secrets), this, true);
    }

    /**
     * Adds a secret obtained at run time (an OAuth2 access token, a session key): from now on it is scrubbed from
     * everything this connector (and its composite, if any) reports. Ignored by {@link #none()}, and for values
     * shorter than 4 characters.
     *
     * @param secret the value; null is ignored
     */
    public void add(String secret) {
        if (!accepts || secret == null || secret.length() < MIN_LENGTH) {
            return;
        }
        synchronized (this) {
            if (!runtime.contains(secret)) {
                List<String> next = new ArrayList<>(MAX_RUNTIME_SECRETS);
                next.add(secret);
                for (String s : runtime) {
                    if (next.size() < MAX_RUNTIME_SECRETS) {
                        next.add(s);
                    }
                }
                runtime = List.copyOf(next);
                all = longestFirst(fixed, runtime);
            }
        }
        if (parent != null) {
            parent.add(secret);
        }
    }

    /**
     * Masks every secret in every recognised form with {@code ***}.
     *
     * @param text the text, or null
     * @return the scrubbed text (null for null)
     */
    public String scrub(String text) {
        return Scrubber.scrub(text, all);
    }

    /**
     * Tells whether a text holds a secret in a recognised form.
     *
     * @param text the text, or null
     * @return true when {@link #scrub(String)} would change it
     */
    public boolean holds(String text) {
        return Scrubber.holds(text, all);
    }

    /**
     * Scrubs an exception: its message, provider code, request id, causes and suppressed exceptions.
     *
     * @param e the exception
     * @return {@code e} itself when it holds no secret, else a scrubbed copy
     */
    public EmailConnectorException scrub(EmailConnectorException e) {
        return Scrubber.scrub(Objects.requireNonNull(e, "e"), all);
    }

    private static List<String> usable(Collection<String> secrets) {
        return longestFirst(secrets, List.of());
    }

    private static List<String> longestFirst(Collection<String> a, Collection<String> b) {
        Set<String> set = new LinkedHashSet<>();
        for (String s : a) {
            if (s != null && s.length() >= MIN_LENGTH) {
                set.add(s);
            }
        }
        for (String s : b) {
            set.add(s);
        }
        List<String> list = new ArrayList<>(set);
        list.sort((x, y) -> y.length() - x.length());
        return List.copyOf(list);
    }

    /** Says how many secrets are known, never which. */
    @Override
    public String toString() {
        return "SecretScrubber[" + all.size() + " secrets]";
    }
}
