/**
 * The core's implementation: rendering, template selection, schema validation, secret handling and the managed
 * connector. Not exported; nothing outside this module may depend on it.
 */
package dev.emailconnectors.internal;
