package dev.emailconnectors;

import java.util.Locale;

/** The content type of a template body. */
public enum ContentType {
    /** Plain text; placeholder values are inserted as they are. */
    TEXT_PLAIN("text/plain"),
    /** HTML; placeholder values are HTML-escaped, and connectors send a derived plain-text part beside it. */
    TEXT_HTML("text/html");

    private final String mimeType;

    ContentType(String mimeType) {
        this.mimeType = mimeType;
    }

    /** @return {@code "text/plain"} or {@code "text/html"} */
    public String mimeType() {
        return mimeType;
    }

    /**
     * Parses a MIME type name (case-insensitive, parameters such as {@code charset} ignored).
     *
     * @param mimeType {@code "text/plain"} or {@code "text/html"}
     * @return the content type
     * @throws IllegalArgumentException for any other value
     */
    public static ContentType fromMimeType(String mimeType) {
        String base = mimeType == null ? "" : mimeType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (ContentType type : values()) {
            if (type.mimeType.equals(base)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unsupported content type '" + mimeType + "'; use text/plain or text/html");
    }

    @Override
    public String toString() {
        return mimeType;
    }
}
