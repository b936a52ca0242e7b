/** A small application that uses email connectors from the module path, knowing none of them by name. */
module org.example.consumer {
    requires dev.emailconnectors.api;

    uses dev.emailconnectors.spi.EmailConnectorProvider;
}
