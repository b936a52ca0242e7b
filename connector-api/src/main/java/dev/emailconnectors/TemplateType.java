package dev.emailconnectors;

import dev.emailconnectors.internal.Sanitize;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The purpose of a message: which flow of the authentication server triggered it.
 *
 * <p>The wire names ({@link #wireName()}) are the usage types used by Logto connector configurations, so stored
 * templates keep working: {@code SignIn}, {@code Register}, {@code ForgotPassword}, {@code OrganizationInvitation},
 * {@code Generic}, {@code UserPermissionValidation}, {@code BindNewIdentifier}, {@code MfaVerification} and
 * {@code BindMfa}. {@link #GENERIC} is the fallback when a connector has no template for a more specific type.
 */
public enum TemplateType {
    /** A one-time code for signing in. */
    SIGN_IN("SignIn"),
    /** A one-time code for creating an account. */
    REGISTER("Register"),
    /** A one-time code or link for resetting a password. */
    FORGOT_PASSWORD("ForgotPassword"),
    /** An invitation to join an organization, usually with a link. */
    ORGANIZATION_INVITATION("OrganizationInvitation"),
    /** Any other message; also the fallback template and the type of test messages. */
    GENERIC("Generic"),
    /** A code that confirms a high-risk operation by an already signed-in user. */
    USER_PERMISSION_VALIDATION("UserPermissionValidation"),
    /** A code that verifies a new email address being linked to an account. */
    BIND_NEW_IDENTIFIER("BindNewIdentifier"),
    /** A code used as a second factor while signing in. */
    MFA_VERIFICATION("MfaVerification"),
    /** A code that verifies an email address being enrolled as a second factor. */
    BIND_MFA("BindMfa");

    private final String wireName;

    TemplateType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the name used in configurations and on the wire, for example {@code "SignIn"}.
     *
     * @return the Logto usage type name
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Looks up a type by its wire name. The match is exact (case-sensitive), as in stored configurations.
     *
     * @param wireName a name such as {@code "ForgotPassword"}
     * @return the matching type
     * @throws EmailConnectorException with {@link ErrorCode#TEMPLATE_NOT_FOUND} when the name is unknown or null
     */
    public static TemplateType fromWireName(String wireName) {
        for (TemplateType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new EmailConnectorException(
                ErrorCode.TEMPLATE_NOT_FOUND,
                "Unknown template type '" + Sanitize.forMessage(wireName) + "'; expected one of " + wireNames());
    }

    /**
     * Returns every wire name, comma-separated, in declaration order.
     *
     * @return for example {@code "SignIn, Register, …"}
     */
    public static String wireNames() {
        return Arrays.stream(values()).map(TemplateType::wireName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
