package dev.emailconnectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small JSON Pointer (RFC 6901) helpers. */
public final class JsonPointers {
    private JsonPointers() {}

    /**
     * Replaces the node at a pointer, when its parent exists.
     *
     * @param root the document to change
     * @param pointer the pointer, for example {@code /connectors/0/config}
     * @param value the new node
     */
    public static void replace(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        if (slash < 0) {
            return;
        }
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode) {
            ((ObjectNode) parent).set(last, value);
        } else if (parent instanceof ArrayNode && last.chars().allMatch(Character::isDigit) && !last.isEmpty()) {
            int index = Integer.parseInt(last);
            if (index < parent.size()) {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }
}
