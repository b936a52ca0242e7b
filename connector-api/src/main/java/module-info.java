/**
 * The email-connectors API (package {@code dev.emailconnectors}) and SPI (package {@code dev.emailconnectors.spi}).
 */
module dev.emailconnectors.api {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive org.slf4j;
    requires com.networknt.schema;
    requires com.samskivert.jmustache;
    requires org.jsoup;

    exports dev.emailconnectors;
    exports dev.emailconnectors.spi;

    uses dev.emailconnectors.spi.EmailConnectorProvider;
}
