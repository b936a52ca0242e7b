/**
 * The built-in email service (connector id {@code builtin}, alias {@code logto-email}). A tenant sets only its
 * branding (sender name, company information, logo, primary color); the messages come from prebuilt templates in
 * several languages; the operator of the host decides how they are delivered, through
 * {@link dev.emailconnectors.spi.ConnectorContext#operatorSettings(String)} or the
 * {@value dev.emailconnectors.builtin.BuiltinProvider#DELIVERY_ENV} environment variable. With nothing configured each
 * message becomes an {@code .eml} file in an outbox directory.
 *
 * <p>Only {@link dev.emailconnectors.builtin.BuiltinProvider} is public; it is found by
 * {@link java.util.ServiceLoader}, so applications normally use it through
 * {@link dev.emailconnectors.EmailConnectors#discover()}.
 */
package dev.emailconnectors.builtin;
