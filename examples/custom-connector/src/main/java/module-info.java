/** An example third-party email connector: appends each message to a JSON-lines file. */
module org.example.jsonl {
    requires dev.emailconnectors.api;

    // the core reads the schema resource from this package
    opens org.example.jsonl to
            dev.emailconnectors.api;

    provides dev.emailconnectors.spi.EmailConnectorProvider with
            org.example.jsonl.JsonLinesProvider;
}
