/**
 * The SMTP connector against raw Angus Mail (one reused {@code Transport}, and a connection per message), all against
 * the same in-process {@link dev.emailconnectors.benchmarks.smtp.SmtpSink} on loopback.
 */
package dev.emailconnectors.benchmarks.smtp;
