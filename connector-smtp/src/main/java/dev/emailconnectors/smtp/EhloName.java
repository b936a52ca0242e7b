package dev.emailconnectors.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The default EHLO name: this machine's host name, looked up once per JVM; {@code localhost} when unusable. */
final class EhloName {
    private EhloName() {}

    static String get() {
        return Holder.NAME;
    }

    private static final class Holder {
        static final String NAME = lookup();

        private static String lookup() {
            try {
                String name = InetAddress.getLocalHost().getHostName();
                return name.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?") ? name : "localhost";
            } catch (UnknownHostException | SecurityException e) {
                return "localhost";
            }
        }
    }
}
