package dev.emailconnectors.internal;

import java.io.ByteArrayOutputStream;

/**
 * Quoted-printable encoding of text (RFC 2045 section 6.7): CRLF line breaks kept as they are, printable ASCII except
 * {@code =} as is, whitespace as is except at the end of a line, everything else as {@code =XX}, and soft line
 * breaks ({@code =CRLF}) keeping every line within 76 characters. Internal: not exported.
 */
final class QuotedPrintable {
    private static final int MAX_LINE = 76;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private QuotedPrintable() {}

    /**
     * Encodes text whose line breaks are CRLF.
     *
     * @param text the UTF-8 bytes
     * @return the encoded bytes
     */
    static byte[] encode(byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + text.length / 3 + 16);
        int column = 0;
        for (int i = 0; i < text.length; i++) {
            int b = text[i] & 0xff;
            if (b == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
                out.write('\r');
                out.write('\n');
                column = 0;
                i++;
                continue;
            }
            boolean lineEnds = i + 1 == text.length || text[i + 1] == '\r';
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnds);
            int width = literal ? 1 : 3;
            // a soft break needs one column for its '=', unless this character ends the line
            if (column + width > (lineEnds ? MAX_LINE : MAX_LINE - 1)) {
                out.write('=');
                out.write('\r');
                out.write('\n');
                column = 0;
            }
            if (literal) {
                out.write(b);
            } else {
                out.write('=');
                out.write(HEX[b >> 4]);
                out.write(HEX[b & 0xf]);
            }
            column += width;
        }
        return out.toByteArray();
    }
}
