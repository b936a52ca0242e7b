package dev.emailconnectors.ses;

import dev.emailconnectors.SendResult;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.NetworkPolicy;
import dev.emailconnectors.spi.OutboundMessage;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** Sends each message with one {@code SendEmail} call through the connector's SDK client. Thread-safe. */
final class SesSender implements EmailSender {
    private final SesConfig config;
    private final SesRequests requests;
    private final AwsCredentialsProvider credentials;
    private final SesV2Client client;
    private final NetworkPolicy networkPolicy;

    SesSender(SesConfig config, NetworkPolicy networkPolicy) {
        this.config = config;
        this.requests = new SesRequests(config);
        this.credentials = SesClients.credentials(config);
        this.client = SesClients.create(config, credentials);
        this.networkPolicy = networkPolicy;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        SendEmailRequest request = requests.build(message.to(), message.render());
        checkEndpoint();
        try {
            SendEmailResponse response = client.sendEmail(request);
            return message.accepted(response.messageId());
        } catch (SdkException e) {
            throw SesErrors.map(e);
        }
    }

    /** The SDK retries when {@code retry.maxAttempts} is above 1, so retry layers above this connector must not. */
    @Override
    public boolean retriesInternally() {
        return config.maxAttempts() > 1;
    }

    /** A configured endpoint is checked against the host's network policy before each call (DNS may change). */
    private void checkEndpoint() {
        Optional<URI> endpoint = config.endpoint();
        if (endpoint.isPresent() && networkPolicy != NetworkPolicy.allowAll()) {
            networkPolicy.resolve(endpoint.get().getHost());
        }
    }

    @Override
    public void close() {
        client.close();
        if (credentials instanceof SdkAutoCloseable) {
            ((SdkAutoCloseable) credentials).close();
        }
    }

    @Override
    public String toString() {
        return "SesSender{" + config + "}";
    }
}
