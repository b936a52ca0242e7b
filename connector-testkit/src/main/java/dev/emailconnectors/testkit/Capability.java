package dev.emailconnectors.testkit;

/** Optional behaviours a connector declares, so the kit runs the checks that apply to it. */
public enum Capability {
    /**
     * The connector renders templates (the host's templates included) into a subject and a body that reach the peer.
     * Enables the HTML-escaping and header-injection checks. Connectors that forward the raw payload (the HTTP
     * webhook) do not have it.
     */
    RENDERS_TEMPLATES
}
