package dev.emailconnectors.smtp;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP reply: the three-digit code, the enhanced status code when the server gave one (RFC 3463, for example
 * {@code 5.1.1}), and the text on one line.
 *
 * @param code the reply code, or -1 when the connection closed instead
 * @param enhanced the enhanced status code, or null
 * @param text the whole reply on one line
 */
record Reply(int code, String enhanced, String text) {
    private static final Pattern ENHANCED = Pattern.compile("^\\d{3}[ -]([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

    static Reply parse(int code, String response) {
        String line = ProtocolLog.oneLine(response);
        Matcher m = ENHANCED.matcher(line);
        return new Reply(code, m.find() ? m.group(1) : null, line);
    }

    boolean isTransient() {
        return code >= 400 && code < 500;
    }

    boolean isPermanent() {
        return code >= 500 && code < 600;
    }

    /**
     * Builds an exception carrying this reply as provider status and enhanced code.
     *
     * @param errorCode the error code
     * @param message the message, to which the reply is appended
     * @param cause the cause
     * @return the exception
     */
    EmailConnectorException exception(ErrorCode errorCode, String message, Throwable cause) {
        EmailConnectorException.Builder b = EmailConnectorException.builder(
                        errorCode, text.isEmpty() ? message : message + ": " + text)
                .providerErrorCode(enhanced)
                .cause(cause);
        if (code > 0) {
            b.providerStatus(code);
        }
        return b.build();
    }
}
