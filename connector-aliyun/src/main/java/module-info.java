/** The Aliyun DirectMail connector: {@code SingleSendMail} with RPC signature v1, over the shared HTTP plumbing. */
module dev.emailconnectors.aliyun {
    requires dev.emailconnectors.api;
    requires dev.emailconnectors.okhttp;

    // the API's ConfigSupport.loadSchema reads the schema resource of this package
    opens dev.emailconnectors.aliyun to
            dev.emailconnectors.api;

    provides dev.emailconnectors.spi.EmailConnectorProvider with
            dev.emailconnectors.aliyun.AliyunProvider;
}
