package dev.emailconnectors.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Aliyun DirectMail: RPC signature v1 (HMAC-SHA1)")
class AliyunSignatureTest {
    /** Vector A: DirectMail SingleSendMail, published by Alibaba Cloud and used by Logto's connector tests. */
    static final Map<String, String> VECTOR_A = Map.ofEntries(
            Map.entry("AccessKeyId", "testid"),
            Map.entry("AccountName", "<a%b'>"),
            Map.entry("Action", "SingleSendMail"),
            Map.entry("AddressType", "1"),
            Map.entry("Format", "XML"),
            Map.entry("HtmlBody", "4"),
            Map.entry("RegionId", "cn-hangzhou"),
            Map.entry("ReplyToAddress", "true"),
            Map.entry("SignatureMethod", "HMAC-SHA1"),
            Map.entry("SignatureNonce", "c1b2c332-4cfb-4a0f-b8cc-ebe622aa0a5c"),
            Map.entry("SignatureVersion", "1.0"),
            Map.entry("Subject", "3"),
            Map.entry("TagName", "2"),
            Map.entry("Timestamp", "2016-10-20T06:27:56Z"),
            Map.entry("ToAddress", "1@test.com"),
            Map.entry("Version", "2015-11-23"));

    /** Vector B: ECS DescribeRegions (GET), from Alibaba Cloud's signature documentation. */
    static final Map<String, String> VECTOR_B = Map.of(
            "AccessKeyId", "testid",
            "Action", "DescribeRegions",
            "Format", "XML",
            "SignatureMethod", "HMAC-SHA1",
            "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            "SignatureVersion", "1.0",
            "Timestamp", "2016-02-23T12:46:24Z",
            "Version", "2014-05-26");

    @Nested
    @DisplayName("The published DirectMail vector")
    class VectorA {
        @Test
        @DisplayName("the canonicalized query sorts by name and encodes RFC 3986 style")
        void canonicalizedQuery() {
            assertThat(AliyunSignature.canonicalizedQuery(VECTOR_A))
                    .isEqualTo("AccessKeyId=testid&AccountName=%3Ca%25b%27%3E&Action=SingleSendMail&AddressType=1"
                            + "&Format=XML&HtmlBody=4&RegionId=cn-hangzhou&ReplyToAddress=true"
                            + "&SignatureMethod=HMAC-SHA1&SignatureNonce=c1b2c332-4cfb-4a0f-b8cc-ebe622aa0a5c"
                            + "&SignatureVersion=1.0&Subject=3&TagName=2&Timestamp=2016-10-20T06%3A27%3A56Z"
                            + "&ToAddress=1%40test.com&Version=2015-11-23");
        }

        @Test
        @DisplayName("the string to sign is POST&%2F& and the query encoded a second time")
        void stringToSign() {
            assertThat(AliyunSignature.stringToSign("POST", VECTOR_A))
                    .isEqualTo("POST&%2F&AccessKeyId%3Dtestid%26AccountName%3D%253Ca%2525b%2527%253E"
                            + "%26Action%3DSingleSendMail%26AddressType%3D1%26Format%3DXML%26HtmlBody%3D4"
                            + "%26RegionId%3Dcn-hangzhou%26ReplyToAddress%3Dtrue%26SignatureMethod%3DHMAC-SHA1"
                            + "%26SignatureNonce%3Dc1b2c332-4cfb-4a0f-b8cc-ebe622aa0a5c%26SignatureVersion%3D1.0"
                            + "%26Subject%3D3%26TagName%3D2%26Timestamp%3D2016-10-20T06%253A27%253A56Z"
                            + "%26ToAddress%3D1%2540test.com%26Version%3D2015-11-23");
        }

        @Test
        @DisplayName("secret testsecret signs it as llJfXJjBW3OacrVgxxsITgYaYm0=")
        void signature() {
            assertThat(AliyunSignature.sign("POST", VECTOR_A, "testsecret")).isEqualTo("llJfXJjBW3OacrVgxxsITgYaYm0=");
        }

        @Test
        @DisplayName("the key without the trailing & gives another value")
        void keyWithoutAmpersand() {
            String withoutAmpersand =
                    AliyunSignature.hmacSha1("testsecret", AliyunSignature.stringToSign("POST", VECTOR_A));
            assertThat(withoutAmpersand)
                    .isEqualTo("j4ErLTae06DEMYjhBCszjVeOEqI=")
                    .isNotEqualTo("llJfXJjBW3OacrVgxxsITgYaYm0=");
        }

        @Test
        @DisplayName("the method is part of what is signed (GET gives xviVKkGNJBEG2sDODpEU9KpUfhE=)")
        void methodMatters() {
            assertThat(AliyunSignature.sign("GET", VECTOR_A, "testsecret")).isEqualTo("xviVKkGNJBEG2sDODpEU9KpUfhE=");
        }
    }

    @Nested
    @DisplayName("The documented ECS vector")
    class VectorB {
        @Test
        @DisplayName("GET signs as OLeaidS1JvxuMvnyHOwuJ+uX5qY=; without the & as R8VkbeU3DqhHmAVCdxW/CjqsRK0=")
        void signature() {
            assertThat(AliyunSignature.sign("GET", VECTOR_B, "testsecret")).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
            assertThat(AliyunSignature.hmacSha1("testsecret", AliyunSignature.stringToSign("GET", VECTOR_B)))
                    .isEqualTo("R8VkbeU3DqhHmAVCdxW/CjqsRK0=");
        }
    }

    @Nested
    @DisplayName("Percent-encoding")
    class Encoding {
        @Test
        @DisplayName("only unreserved characters stay literal; space is %20, * is %2A, ~ stays, + is %2B")
        void rfc3986() {
            assertThat(AliyunSignature.percentEncode("A-Z a_z.0~9*+/=&")).isEqualTo("A-Z%20a_z.0~9%2A%2B%2F%3D%26");
        }

        @Test
        @DisplayName("non-ASCII text is encoded as UTF-8 bytes with upper-case hex")
        void utf8() {
            assertThat(AliyunSignature.percentEncode("验证码 é")).isEqualTo("%E9%AA%8C%E8%AF%81%E7%A0%81%20%C3%A9");
        }
    }
}
