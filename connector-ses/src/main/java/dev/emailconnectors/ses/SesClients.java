package dev.emailconnectors.ses;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

/**
 * Builds the one {@link SesV2Client} a connector uses for its lifetime.
 *
 * <p>HTTP client: the SDK's {@link UrlConnectionHttpClient}, chosen explicitly. It is built on the JDK's
 * {@code HttpURLConnection} (keep-alive connections pooled by the JVM), adds no dependency and starts fast; the Apache
 * and Netty clients are excluded from the build, so there is no classpath scan and no heavy transitive tree. Sending
 * one small JSON request per message needs nothing more.
 *
 * <p>Retries: the SDK's standard strategy is the only retry layer. It retries throttling, 5xx answers, clock skew
 * and I/O failures with exponential backoff and jitter (100 ms base, 1 s for throttling, 20 s cap) and a token bucket
 * that stops retrying while SES keeps failing, up to {@code retry.maxAttempts} sends in total. Neither this connector
 * nor the core retries on top of it.
 *
 * <p>Timeouts: {@code timeout} bounds the whole send, retries and their waits included (the SDK's API call timeout),
 * and is also each attempt's connect and read timeout.
 */
final class SesClients {
    private SesClients() {}

    static AwsCredentialsProvider credentials(SesConfig config) {
        if (config.staticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    config.accessKeyId().orElseThrow(), config.accessKeySecret().orElseThrow()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    static SesV2Client create(SesConfig config, AwsCredentialsProvider credentials) {
        RetryStrategy retries = config.maxAttempts() <= 1
                ? AwsRetryStrategy.doNotRetry()
                : AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(config.maxAttempts())
                        .build();
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.timeout())
                        .socketTimeout(config.timeout()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retries)
                        .apiCallTimeout(config.timeout())
                        .build());
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
