package dev.emailconnectors.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emailconnectors.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Aliyun DirectMail: error classification")
class AliyunErrorsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Throttling,                          RATE_LIMITED",
        "Throttling.User,                     RATE_LIMITED",
        "Throttling.Api,                      RATE_LIMITED",
        "InvalidAccessKeyId.NotFound,         AUTHENTICATION_FAILED",
        "SignatureDoesNotMatch,               AUTHENTICATION_FAILED",
        "Forbidden.RAM,                       AUTHENTICATION_FAILED",
        "Forbidden.AccessKeyDisabled,         AUTHENTICATION_FAILED",
        "InvalidTimeStamp.Expired,            AUTHENTICATION_FAILED",
        "InvalidToAddress,                    INVALID_RECIPIENT",
        "InvalidToAddress.Spam,               INVALID_RECIPIENT",
        "InvalidReceiver.NotFound,            INVALID_RECIPIENT",
        "InvalidMailAddress.NotFound,         INVALID_CONFIG",
        "InvalidMailAddressDomain.Malformed,  INVALID_CONFIG",
        "InvalidFromAlias.Malformed,          INVALID_CONFIG",
        "InvalidMailAddressStatus.Malformed,  PROVIDER_REJECTED",
        "InvalidSendMail.Spam,                PROVIDER_REJECTED",
        "InvalidSubject.Malformed,            INVALID_PAYLOAD",
        "InvalidBody,                         INVALID_PAYLOAD",
        "InternalError,                       PROVIDER_UNAVAILABLE",
        "ServiceUnavailable,                  PROVIDER_UNAVAILABLE",
    })
    @DisplayName("each DirectMail error code maps to the most precise error code")
    void classify(String code, ErrorCode expected) {
        assertThat(AliyunErrors.classify(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MissingParameter", "InvalidParameter", "SignatureNonceUsed"})
    @DisplayName("other codes leave the decision to the HTTP status")
    void unknownCodes(String code) {
        assertThat(AliyunErrors.classify(code)).isNull();
        assertThat(AliyunErrors.classify(null)).isNull();
    }
}
