/**
 * Reliability connectors: {@code failover} and {@code resilient}, composable over any connector, and the state store
 * a multi-replica host can share.
 */
module dev.emailconnectors.reliability {
    requires transitive dev.emailconnectors.api;
    requires dev.failsafe.core;

    exports dev.emailconnectors.reliability;

    provides dev.emailconnectors.spi.EmailConnectorProvider with
            dev.emailconnectors.reliability.FailoverProvider,
            dev.emailconnectors.reliability.ResilientProvider;
}
