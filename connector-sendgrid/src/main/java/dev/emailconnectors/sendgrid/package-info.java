/**
 * The SendGrid connector. {@link dev.emailconnectors.sendgrid.SendGridProvider} reads Logto's SendGrid configuration
 * ({@code apiKey}, {@code fromEmail}, {@code fromName}, {@code templates}) and sends each message with
 * {@code POST /v3/mail/send}: rendered templates as {@code text/plain} and {@code text/html} content, or SendGrid
 * dynamic templates ({@code templateId}) with the payload as {@code dynamic_template_data}.
 */
package dev.emailconnectors.sendgrid;
