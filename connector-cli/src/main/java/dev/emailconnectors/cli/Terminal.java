package dev.emailconnectors.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.function.UnaryOperator;

/**
 * What the commands read from and write to: standard output and error, standard input and the environment.
 *
 * @param out standard output
 * @param err standard error
 * @param in standard input
 * @param environment environment variable lookup
 */
record Terminal(PrintWriter out, PrintWriter err, InputStream in, UnaryOperator<String> environment) {}
