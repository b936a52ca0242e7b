/**
 * The Mailgun connector. {@link dev.emailconnectors.mailgun.MailgunProvider} reads Logto's Mailgun configuration
 * ({@code endpoint}, {@code domain}, {@code apiKey}, {@code from}, {@code deliveries} by template type) and sends each
 * message with {@code POST /v3/<domain>/messages} as {@code multipart/form-data}: raw deliveries rendered here
 * ({@code subject}, {@code html}, {@code text}), or stored Mailgun templates with {@code t:variables}.
 */
package dev.emailconnectors.mailgun;
