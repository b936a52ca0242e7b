package dev.emailconnectors.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A validated DirectMail configuration (the HTTP options, endpoint, timeout and retry, are read separately). */
record AliyunConfig(
        String accessKeyId,
        String accessKeySecret,
        Region region,
        String accountName,
        Optional<String> fromAlias,
        boolean replyToAddress,
        Optional<String> tagName) {

    static AliyunConfig from(JsonNode config) {
        return new AliyunConfig(
                config.path("accessKeyId").asText(),
                config.path("accessKeySecret").asText(),
                Region.of(config.path("regionId").asText()).orElse(Region.DEFAULT),
                config.path("accountName").asText().trim(),
                text(config, "fromAlias"),
                config.path("replyToAddress").asBoolean(false),
                text(config, "tagName"));
    }

    static Optional<String> text(JsonNode config, String field) {
        JsonNode v = config.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText().trim()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "AliyunConfig{region=" + region.id() + ", accountName=" + accountName + ", replyToAddress="
                + replyToAddress + ", tagName=" + tagName.orElse("-") + "}";
    }
}
