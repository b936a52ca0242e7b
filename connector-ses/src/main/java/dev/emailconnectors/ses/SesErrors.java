package dev.emailconnectors.ses;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns AWS SDK failures into {@link EmailConnectorException}s with the most precise {@link ErrorCode}. */
final class SesErrors {
    private static final Set<String> THROTTLING = Set.of(
            "TooManyRequestsException",
            "LimitExceededException",
            "Throttling",
            "ThrottlingException",
            "ThrottledException",
            "RequestThrottled");
    private static final Set<String> REJECTED = Set.of(
            "SendingPausedException",
            "AccountSuspendedException",
            "MessageRejected",
            "MailFromDomainNotVerifiedException");
    private static final Set<String> AUTHENTICATION = Set.of(
            "SignatureDoesNotMatch",
            "InvalidSignatureException",
            "IncompleteSignature",
            "IncompleteSignatureException",
            "UnrecognizedClientException",
            "InvalidClientTokenId",
            "MissingAuthenticationToken",
            "MissingAuthenticationTokenException",
            "ExpiredToken",
            "ExpiredTokenException",
            "AccessDenied",
            "AccessDeniedException",
            "NotAuthorized",
            "RequestExpired",
            "RequestTimeTooSkewed");

    private SesErrors() {}

    static EmailConnectorException map(SdkException e) {
        if (e instanceof AwsServiceException) {
            return service((AwsServiceException) e);
        }
        return client(e);
    }

    private static EmailConnectorException service(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String text = details == null || details.errorMessage() == null ? "" : details.errorMessage();
        int status = e.statusCode();
        ErrorCode mapped = classify(code, status, text);
        String message = "SES did not accept the message"
                + (code == null ? "" : ": " + code)
                + (text.isEmpty() ? "" : " (" + text + ")");
        EmailConnectorException.Builder b = EmailConnectorException.builder(mapped, message)
                .providerErrorCode(code)
                .providerRequestId(e.requestId())
                .cause(e);
        if (status > 0) {
            b.providerStatus(status);
        }
        return b.build();
    }

    static ErrorCode classify(String code, int status, String message) {
        String c = code == null ? "" : code;
        if (THROTTLING.contains(c)) {
            boolean dailyQuota = message.toLowerCase(Locale.ROOT).contains("daily message quota");
            return dailyQuota ? ErrorCode.USAGE_LIMIT_EXCEEDED : ErrorCode.RATE_LIMITED;
        }
        if (REJECTED.contains(c)) {
            return ErrorCode.PROVIDER_REJECTED;
        }
        if (c.equals("NotFoundException")) {
            return ErrorCode.INVALID_CONFIG;
        }
        if (AUTHENTICATION.contains(c) || status == 401 || status == 403) {
            return ErrorCode.AUTHENTICATION_FAILED;
        }
        if (status == 429) {
            return ErrorCode.RATE_LIMITED;
        }
        if (status >= 500 || status == 408) {
            return ErrorCode.PROVIDER_UNAVAILABLE;
        }
        return ErrorCode.PROVIDER_REJECTED;
    }

    private static EmailConnectorException client(SdkException e) {
        if (String.valueOf(e.getMessage()).contains("nmarshall") || hasJsonCause(e)) {
            return new EmailConnectorException(
                    ErrorCode.INVALID_RESPONSE, "SES answered with something that could not be read", e);
        }
        if (e instanceof ApiCallAttemptTimeoutException
                || e instanceof ApiCallTimeoutException
                || hasCause(e, SocketTimeoutException.class)
                || hasCause(e, InterruptedIOException.class)) {
            return new EmailConnectorException(
                    ErrorCode.TIMEOUT, "SES did not answer in time; whether it accepted the message is unknown", e);
        }
        if (hasCause(e, IOException.class)) {
            return new EmailConnectorException(
                    ErrorCode.PROVIDER_UNAVAILABLE, "Could not reach SES: " + rootMessage(e), e);
        }
        String text = String.valueOf(e.getMessage());
        if (e instanceof SdkClientException && text.contains("credentials")) {
            return new EmailConnectorException(
                    ErrorCode.AUTHENTICATION_FAILED,
                    "No AWS credentials: set accessKeyId and accessKeySecret, or provide credentials through the"
                            + " default chain (environment, profile, container or instance role)",
                    e);
        }
        return new EmailConnectorException(ErrorCode.GENERAL, "Sending through SES failed: " + text, e);
    }

    /** A parse failure of the SDK's (shaded) Jackson is an I/O exception too, but it means an unreadable answer. */
    private static boolean hasJsonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().contains(".jackson.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
