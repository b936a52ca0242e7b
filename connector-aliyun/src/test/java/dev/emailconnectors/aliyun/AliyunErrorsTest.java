package dev.emailconnectors.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emailconnectors.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Aliyun DirectMail: error classification")
class AliyunErrorsTest {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "400, Throttling,                          RATE_LIMITED",
        "400, Throttling.User,                     RATE_LIMITED",
        "400, Throttling.Api,                      RATE_LIMITED",
        "404, InvalidAccessKeyId.NotFound,         AUTHENTICATION_FAILED",
        "400, SignatureDoesNotMatch,               AUTHENTICATION_FAILED",
        "403, Forbidden.RAM,                       AUTHENTICATION_FAILED",
        "403, Forbidden.AccessKeyDisabled,         AUTHENTICATION_FAILED",
        "400, InvalidTimeStamp.Expired,            AUTHENTICATION_FAILED",
        "400, InvalidToAddress,                    INVALID_RECIPIENT",
        "400, InvalidToAddress.Spam,               INVALID_RECIPIENT",
        "404, InvalidReceiver.NotFound,            INVALID_RECIPIENT",
        "404, InvalidMailAddress.NotFound,         INVALID_CONFIG",
        "400, InvalidMailAddressDomain.Malformed,  INVALID_CONFIG",
        "400, InvalidFromAlias.Malformed,          INVALID_CONFIG",
        "400, InvalidMailAddressStatus.Malformed,  PROVIDER_REJECTED",
        "400, InvalidSendMail.Spam,                PROVIDER_REJECTED",
        "400, InvalidSubject.Malformed,            INVALID_PAYLOAD",
        "400, InvalidBody,                         INVALID_PAYLOAD",
        "400, MissingParameter,                    PROVIDER_REJECTED",
        "500, InternalError,                       PROVIDER_UNAVAILABLE",
        "503, ServiceUnavailable,                  PROVIDER_UNAVAILABLE",
        "502, ,                                    PROVIDER_UNAVAILABLE",
        "403, ,                                    AUTHENTICATION_FAILED",
        "429, ,                                    RATE_LIMITED",
    })
    @DisplayName("each DirectMail error code maps to the most precise error code")
    void classify(int status, String code, ErrorCode expected) {
        assertThat(AliyunErrors.classify(code, status)).isEqualTo(expected);
    }
}
