/** The compatibility kit for email connectors and test fakes for hosts. */
module dev.emailconnectors.testkit {
    requires transitive dev.emailconnectors.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;

    exports dev.emailconnectors.testkit;

    opens dev.emailconnectors.testkit to
            org.junit.platform.commons;
}
