package dev.emailconnectors.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.emailconnectors.TemplateType;
import java.util.List;

/**
 * The smallest Logto-style {@code templates} array a connector's schema accepts: the four types Logto requires, each
 * with the code as subject and content. It stands in where the host renders every message itself, so the array is
 * never used to send.
 */
public final class StandInTemplates {
    private static final List<TemplateType> REQUIRED =
            List.of(TemplateType.REGISTER, TemplateType.SIGN_IN, TemplateType.FORGOT_PASSWORD, TemplateType.GENERIC);

    private StandInTemplates() {}

    /** @return a new array of stand-in templates */
    public static ArrayNode array() {
        ArrayNode templates = JsonNodeFactory.instance.arrayNode();
        for (TemplateType type : REQUIRED) {
            templates
                    .addObject()
                    .put("usageType", type.wireName())
                    .put("subject", "{{code}}")
                    .put("content", "{{code}}");
        }
        return templates;
    }
}
