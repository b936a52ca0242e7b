package dev.emailconnectors.aliyun;

import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.okhttp.HttpResponse;
import dev.emailconnectors.okhttp.ProviderError;
import dev.emailconnectors.okhttp.ProviderErrorParser;
import java.util.Set;

/**
 * Classifies DirectMail error codes (the {@code Code} of an error body {@code {Code, Message, RequestId}}).
 *
 * <p>The {@code InvalidMailAddress*} codes are about the sender ({@code AccountName}: unknown, frozen, wrong domain or
 * send type), not the recipient, per DirectMail's error table, so they are configuration or account problems.
 */
final class AliyunErrors {
    private static final Set<String> AUTHENTICATION = Set.of(
            "InvalidAccessKeyId",
            "InvalidAccessKeyId.NotFound",
            "InvalidAccessKeyId.Inactive",
            "SignatureDoesNotMatch",
            "IncompleteSignature",
            "InvalidTimeStamp.Expired",
            "InvalidSecurityToken.Expired",
            "InvalidSecurityToken.Mismatch",
            "NoPermission");
    private static final Set<String> RECIPIENT =
            Set.of("InvalidReceiverName.Malformed", "InvalidReceiver.NotFound", "InvalidReceiverName.NotFound");
    private static final Set<String> SENDER_CONFIG = Set.of(
            "InvalidMailAddress.NotFound",
            "InvalidMailAddressDomain.Malformed",
            "InvalidMailAddressSendType.Malformed",
            "InvalidFromAlias.Malformed",
            "InvalidTagName.Malformed",
            "InvalidTag.NotFound",
            "InvalidReplyAddress.Malformed");
    private static final Set<String> PAYLOAD = Set.of("InvalidBody", "InvalidSubject.Malformed");

    private AliyunErrors() {}

    /**
     * Reads a failed DirectMail answer: {@code Message}, {@code Code} and {@code RequestId} from the JSON body, and
     * the error code the provider's {@code Code} calls for. Unknown codes keep the transport's status mapping (for
     * example 5xx: provider unavailable, other 4xx: rejected).
     *
     * @param response the failed response
     * @return what DirectMail said
     */
    static ProviderError parse(HttpResponse response) {
        ProviderError error = ProviderErrorParser.standard().parse(response);
        return error.withCode(classify(error.providerCode()));
    }

    /**
     * Classifies a DirectMail error code.
     *
     * @param code the provider's {@code Code}, or null
     * @return the error code, or null when the HTTP status should decide
     */
    static ErrorCode classify(String code) {
        if (code == null) {
            return null;
        }
        if (code.startsWith("Throttling")) {
            return ErrorCode.RATE_LIMITED;
        }
        if (AUTHENTICATION.contains(code) || code.startsWith("Forbidden")) {
            return ErrorCode.AUTHENTICATION_FAILED;
        }
        if (code.startsWith("InvalidToAddress") || RECIPIENT.contains(code)) {
            return ErrorCode.INVALID_RECIPIENT;
        }
        if (SENDER_CONFIG.contains(code)) {
            return ErrorCode.INVALID_CONFIG;
        }
        if (PAYLOAD.contains(code)) {
            return ErrorCode.INVALID_PAYLOAD;
        }
        if (code.equals("InternalError") || code.equals("ServiceUnavailable")) {
            return ErrorCode.PROVIDER_UNAVAILABLE;
        }
        if (code.startsWith("InvalidMailAddressStatus") || code.startsWith("InvalidSendMail")) {
            return ErrorCode.PROVIDER_REJECTED;
        }
        return null;
    }
}
