package dev.emailconnectors.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"email-connectors " + (v == null ? "(development build)" : v)};
    }
}
