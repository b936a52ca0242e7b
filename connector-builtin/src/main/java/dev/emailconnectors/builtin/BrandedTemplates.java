package dev.emailconnectors.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.TemplateSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in templates for one tenant's branding: every {@link TemplateType} in every shipped language, chosen by
 * the language tag with fallback ({@code es-MX} → {@code es} → {@code en}). Branding and the language's strings are
 * filled in when a template is first asked for; the payload's values ({@code code}, {@code link},
 * {@code organization.name}, …) stay Mustache placeholders that the core fills and HTML-escapes per message.
 * Thread-safe.
 */
final class BrandedTemplates implements TemplateSource {
    private final Branding branding;
    private final Optional<String> sendFrom;
    private final Map<String, EmailTemplate> built = new ConcurrentHashMap<>();

    /**
     * Creates the templates.
     *
     * @param branding the tenant's branding
     * @param fromAddress the fixed sender address to pair with the sender name, or empty to give only a display name
     *     (the delivering connector then uses its configured address)
     */
    BrandedTemplates(Branding branding, Optional<String> fromAddress) {
        this.branding = branding;
        Optional<String> name = branding.displayName();
        this.sendFrom = fromAddress.isPresent()
                ? Optional.of(name.map(n -> n + " <" + fromAddress.get() + ">").orElse(fromAddress.get()))
                : name;
    }

    @Override
    public Optional<EmailTemplate> find(TemplateType type, String languageTag) {
        String locale = Locales.resolve(languageTag);
        return Optional.of(built.computeIfAbsent(type.wireName() + "/" + locale, k -> build(type, locale)));
    }

    private EmailTemplate build(TemplateType type, String locale) {
        JsonNode strings = Locales.strings(locale);
        JsonNode typed = strings.path("types").path(type.wireName());
        Map<String, String> slots = new HashMap<>();
        slots.put("lang", locale);
        slots.put("subject", typed.path("subject").asText());
        slots.put("heading", typed.path("heading").asText());
        slots.put("intro", typed.path("intro").asText());
        slots.put("action", typed.path("action").asText());
        slots.put("note", typed.path("note").asText(strings.path("ignore").asText()));
        slots.put("codeLabel", strings.path("codeLabel").asText());
        slots.put("linkHelp", strings.path("linkHelp").asText());
        slots.put("automated", strings.path("automated").asText());
        slots.put("primaryColor", branding.primaryColor());
        slots.put("onPrimaryColor", branding.onPrimaryColor());
        slots.put("senderName", branding.senderName().map(Layout::escape).orElse(""));
        slots.put("appLogo", branding.appLogo().map(Layout::escape).orElse(""));
        slots.put(
                "companyInformation",
                branding.companyInformation()
                        .map(c -> Layout.escape(c).replaceAll("\\R", "<br>"))
                        .orElse(""));
        slots.put(
                "header",
                slots.get("senderName").isEmpty() && slots.get("appLogo").isEmpty() ? "" : "yes");
        String html = Layout.fill(Layout.HTML, slots);
        EmailTemplate template = EmailTemplate.html(type, typed.path("subject").asText(), html);
        return template.withSendFrom(sendFrom.orElse(null));
    }
}
