package dev.emailconnectors.aliyun;

import java.util.Optional;

/** The DirectMail regions Logto offers, with their public API endpoints. */
enum Region {
    CN_HANGZHOU("cn-hangzhou", "https://dm.aliyuncs.com/"),
    AP_SOUTHEAST_1("ap-southeast-1", "https://dm.ap-southeast-1.aliyuncs.com/"),
    AP_SOUTHEAST_2("ap-southeast-2", "https://dm.ap-southeast-2.aliyuncs.com/"),
    EU_CENTRAL_1("eu-central-1", "https://dm.eu-central-1.aliyuncs.com/"),
    US_EAST_1("us-east-1", "https://dm.us-east-1.aliyuncs.com/");

    static final Region DEFAULT = CN_HANGZHOU;

    private final String id;
    private final String endpoint;

    Region(String id, String endpoint) {
        this.id = id;
        this.endpoint = endpoint;
    }

    /** @return the {@code RegionId} value */
    String id() {
        return id;
    }

    /** @return the region's public endpoint */
    String endpoint() {
        return endpoint;
    }

    static Optional<Region> of(String id) {
        for (Region r : values()) {
            if (r.id.equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
