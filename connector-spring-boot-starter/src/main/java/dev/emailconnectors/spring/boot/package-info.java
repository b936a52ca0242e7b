/**
 * Spring Boot auto-configuration for email connectors.
 *
 * <p>Add the starter and one or more connector artifacts, set {@code email-connectors.connector} and
 * {@code email-connectors.config}, and inject {@link dev.emailconnectors.ActiveEmailConnector}. The starter also
 * provides the {@link dev.emailconnectors.ConnectorCatalog} and the {@link dev.emailconnectors.spi.ConnectorContext}
 * (customize it with {@link dev.emailconnectors.spring.boot.ConnectorContextCustomizer} beans), records every send in
 * the application's Micrometer registry when there is one, and offers a health indicator that is off by default.
 */
package dev.emailconnectors.spring.boot;
