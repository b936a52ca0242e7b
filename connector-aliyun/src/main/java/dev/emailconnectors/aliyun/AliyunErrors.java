package dev.emailconnectors.aliyun;

import dev.emailconnectors.ErrorCode;
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
     * Classifies one error.
     *
     * @param code the provider's {@code Code}, or null
     * @param status the HTTP status
     * @return the error code
     */
    static ErrorCode classify(String code, int status) {
        String c = code == null ? "" : code;
        if (c.startsWith("Throttling")) {
            return ErrorCode.RATE_LIMITED;
        }
        if (AUTHENTICATION.contains(c) || c.startsWith("Forbidden")) {
            return ErrorCode.AUTHENTICATION_FAILED;
        }
        if (c.startsWith("InvalidToAddress") || RECIPIENT.contains(c)) {
            return ErrorCode.INVALID_RECIPIENT;
        }
        if (SENDER_CONFIG.contains(c)) {
            return ErrorCode.INVALID_CONFIG;
        }
        if (PAYLOAD.contains(c)) {
            return ErrorCode.INVALID_PAYLOAD;
        }
        if (c.equals("InternalError") || c.equals("ServiceUnavailable") || status >= 500) {
            return ErrorCode.PROVIDER_UNAVAILABLE;
        }
        if (status == 429) {
            return ErrorCode.RATE_LIMITED;
        }
        if (c.isEmpty() && (status == 401 || status == 403)) {
            return ErrorCode.AUTHENTICATION_FAILED;
        }
        return ErrorCode.PROVIDER_REJECTED;
    }
}
