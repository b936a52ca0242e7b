/** The AWS SES connector: SES v2 {@code SendEmail} through the AWS SDK for Java 2. */
module dev.emailconnectors.ses {
    requires dev.emailconnectors.api;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.urlconnection;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.retries;
    requires software.amazon.awssdk.retries.api;
    requires software.amazon.awssdk.services.sesv2;
    requires software.amazon.awssdk.utils;

    // the API's ConfigSupport.loadSchema reads the schema resource of this package
    opens dev.emailconnectors.ses to
            dev.emailconnectors.api;

    provides dev.emailconnectors.spi.EmailConnectorProvider with
            dev.emailconnectors.ses.SesProvider;
}
