/**
 * The compatibility kit ({@link dev.emailconnectors.testkit.EmailConnectorCompatibilityKit}) that every connector's
 * test extends, and small fakes for host tests ({@link dev.emailconnectors.testkit.RecordingSendListener},
 * {@link dev.emailconnectors.testkit.MapTemplateSource}).
 */
package dev.emailconnectors.testkit;
