/**
 * The built-in email service: prebuilt, localized and branded templates for every message type, delivered the way the
 * operator chooses (another connector, or an on-disk outbox of {@code .eml} files by default).
 */
module dev.emailconnectors.builtin {
    requires dev.emailconnectors.api;

    provides dev.emailconnectors.spi.EmailConnectorProvider with
            dev.emailconnectors.builtin.BuiltinProvider;
}
