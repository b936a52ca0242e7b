package dev.emailconnectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The request body writer")
class WebhookBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String ours(Object value) {
        StringBuilder out = new StringBuilder();
        WebhookBody.value(out, value);
        return out.toString();
    }

    @Test
    @DisplayName("writes exactly what Jackson writes for every kind of payload value")
    void sameAsJackson() throws Exception {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", "123456");
        payload.put("quote\"back\\slash", "tab\there\nnew\rline\b\f/" + controls + "\u007f");
        payload.put("unicode", "Grüße — 你好 🙂 \u2028");
        payload.put("numbers", Arrays.asList(0, -1, 42L, 3.5, 1.0e20, 2.5f, (short) 7, (byte) 8));
        payload.put("big", List.of(new BigDecimal("12345678901234567890.123"), new BigInteger("98765432109876543210")));
        payload.put("flags", Arrays.asList(true, false, null));
        payload.put("nested", Map.of("user", Map.of("name", "Ada", "tags", List.of())));
        payload.put("empty", Map.of());
        payload.put("special", Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY));
        assertThat(ours(payload)).isEqualTo(JSON.writeValueAsString(payload));
    }

    @Test
    @DisplayName("parses back to the same values")
    void roundTrips() throws Exception {
        Map<String, Object> payload = Map.of("a", List.of(1, "x", Map.of("b", "\u0001")));
        assertThat(JSON.readTree(ours(payload))).isEqualTo(JSON.valueToTree(payload));
    }
}
