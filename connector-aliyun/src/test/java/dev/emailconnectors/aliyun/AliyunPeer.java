package dev.emailconnectors.aliyun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.TemplateType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/** A fake DirectMail endpoint on loopback: records every form post and answers from a script (default: success). */
final class AliyunPeer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCESS_KEY_ID = "LTAI5tExampleKeyId";
    static final String SECRET = "Ex4mpleS3cretValue+/=";

    /** One request as DirectMail would see it: the decoded form fields, in the order sent. */
    record Call(String method, String path, Headers headers, Map<String, String> form) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<MockResponse> script = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile MockResponse always;

    AliyunPeer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                calls.add(new Call(
                        request.getMethod(), request.getUrl().encodedPath(), request.getHeaders(), decode(body)));
                return next();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> decode(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (form.isEmpty()) {
            return fields;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private synchronized MockResponse next() {
        MockResponse scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        if (always != null) {
            return always;
        }
        int n = ids.incrementAndGet();
        return json(200, "{\"EnvId\":\"env-" + n + "\",\"RequestId\":\"req-" + n + "\"}");
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getPort() + "/";
    }

    synchronized AliyunPeer then(MockResponse... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    AliyunPeer always(MockResponse response) {
        this.always = response;
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized void reset() {
        calls.clear();
        script.clear();
        always = null;
    }

    @Override
    public void close() {
        server.close();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json;charset=utf-8")
                .body(body)
                .build();
    }

    /** A DirectMail error body. */
    static MockResponse error(int status, String code, String message) {
        return json(
                status,
                "{\"RequestId\":\"req-" + code + "\",\"HostId\":\"dm.aliyuncs.com\",\"Code\":\"" + code
                        + "\",\"Message\":\"" + message
                        + "\",\"Recommend\":\"https://next.api.aliyun.com/troubleshoot\"}");
    }

    /**
     * Recomputes the signature of received fields independently of the connector's signer: java.net.URLEncoder
     * with the documented replacements, fields sorted by name, HMAC-SHA1 keyed with the secret and "&".
     */
    static String expectedSignature(Map<String, String> form, String secret) {
        Map<String, String> sorted = new TreeMap<>(form);
        sorted.remove("Signature");
        StringJoiner query = new StringJoiner("&");
        sorted.forEach((k, v) -> query.add(encode(k) + "=" + encode(v)));
        String stringToSign = "POST&%2F&" + encode(query.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** A configuration that sends here, with the four required text templates. */
    ObjectNode config() {
        ObjectNode config = JSON.createObjectNode()
                .put("accessKeyId", ACCESS_KEY_ID)
                .put("accessKeySecret", SECRET)
                .put("accountName", "noreply@mail.example.com")
                .put("endpoint", endpoint());
        var templates = config.putArray("templates");
        for (TemplateType type : List.of(
                TemplateType.REGISTER, TemplateType.SIGN_IN, TemplateType.FORGOT_PASSWORD, TemplateType.GENERIC)) {
            templates
                    .addObject()
                    .put("usageType", type.wireName())
                    .put("subject", type.wireName() + " code {{code}}")
                    .put("content", "Your code is {{code}}.")
                    .put("contentType", "text/plain");
        }
        return config;
    }
}
