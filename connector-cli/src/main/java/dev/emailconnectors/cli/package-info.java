/**
 * The {@code email-connectors} command line, built with picocli. {@link dev.emailconnectors.cli.Main} is the entry
 * point of the runnable jar; every connector on the class path is available to every command.
 */
package dev.emailconnectors.cli;
