/**
 * A scripted SMTP server for tests ({@link dev.emailconnectors.smtp.testserver.ScriptedSmtpServer}): a real ESMTP
 * peer on loopback that answers each command as a test script says (any reply code, delays, silence, dropped
 * connections, STARTTLS or implicit TLS) and records everything it received. Published in this module's test jar.
 */
package dev.emailconnectors.smtp.testserver;
