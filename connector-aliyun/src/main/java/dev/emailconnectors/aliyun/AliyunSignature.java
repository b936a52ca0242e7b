package dev.emailconnectors.aliyun;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud RPC signature version 1.0 ({@code HMAC-SHA1}), as DirectMail requires: every parameter except
 * {@code Signature}, RFC 3986-encoded in UTF-8 and sorted by name, joined into the canonicalized query; the string to
 * sign is {@code METHOD&%2F&} followed by the encoded canonicalized query; the signature is the Base64 HMAC-SHA1 of it
 * with the key {@code AccessKeySecret + "&"}.
 */
final class AliyunSignature {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AliyunSignature() {}

    /**
     * Signs parameters.
     *
     * @param method {@code POST} or {@code GET}
     * @param parameters every parameter except {@code Signature}
     * @param accessKeySecret the secret (the key is the secret followed by {@code &})
     * @return the Base64 signature
     */
    static String sign(String method, Map<String, String> parameters, String accessKeySecret) {
        return hmacSha1(accessKeySecret + "&", stringToSign(method, parameters));
    }

    /** @return {@code METHOD&%2F&} and the percent-encoded canonicalized query */
    static String stringToSign(String method, Map<String, String> parameters) {
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalizedQuery(parameters));
    }

    /** @return the parameters sorted by name, each as {@code encode(name)=encode(value)}, joined with {@code &} */
    static String canonicalizedQuery(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        new TreeMap<>(parameters).forEach((name, value) -> query.add(percentEncode(name) + "=" + percentEncode(value)));
        return query.toString();
    }

    /**
     * Percent-encodes UTF-8 as RFC 3986 does: only {@code A-Z a-z 0-9 - _ . ~} stay literal; everything else
     * becomes {@code %XY} with upper-case hex (a space is {@code %20}, never {@code +}).
     *
     * @param value the text
     * @return the encoded text
     */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** @return Base64 of HMAC-SHA1(key, UTF-8 text) */
    static String hmacSha1(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
