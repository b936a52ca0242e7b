/**
 * The Postmark connector. {@link dev.emailconnectors.postmark.PostmarkProvider} reads Logto's Postmark configuration
 * ({@code serverToken}, {@code fromEmail}, {@code templates} of {@code usageType} and {@code templateAlias}) and
 * sends with {@code POST /email/withTemplate}, the payload being the template model; templates with a subject and
 * content, and the host's templates, are rendered here and sent with {@code POST /email}.
 */
package dev.emailconnectors.postmark;
