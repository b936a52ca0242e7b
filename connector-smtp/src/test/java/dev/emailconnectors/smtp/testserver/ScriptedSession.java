package dev.emailconnectors.smtp.testserver;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** One connection to the {@link ScriptedSmtpServer}: reads commands, asks the script, answers. */
final class ScriptedSession {
    private final ScriptedSmtpServer server;
    private final Transcript transcript;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean tls;
    private String mailFrom;
    private final List<String> recipients = new ArrayList<>();

    ScriptedSession(ScriptedSmtpServer server, Socket socket, Transcript transcript) {
        this.server = server;
        this.socket = socket;
        this.transcript = transcript;
    }

    void run() {
        try {
            if (server.config.implicitTls != null) {
                upgrade(server.config.implicitTls);
            } else {
                streams();
            }
            if (!act(server.command("GREETING", "", transcript.index()), "220 scripted ESMTP ready")) {
                return;
            }
            String line;
            while ((line = readLine()) != null) {
                transcript.add(line);
                Command command = server.command(Command.verbOf(line), line, transcript.index());
                if (!handle(command)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away, or the test closed the server
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    /** @return false when the connection is over */
    private boolean handle(Command c) throws IOException {
        switch (c.verb()) {
            case "EHLO":
                return act(c, ehlo());
            case "RSET":
                mailFrom = null;
                recipients.clear();
                return act(c, "250 2.0.0 Ok");
            case "HELO":
            case "NOOP":
                return act(c, "250 2.0.0 Ok");
            case "STARTTLS":
                return startTls(c);
            case "AUTH":
                return auth(c);
            case "MAIL":
                mailFrom = c.argument();
                recipients.clear();
                return act(c, "250 2.1.0 Ok");
            case "RCPT":
                recipients.add(c.argument());
                return act(c, "250 2.1.5 Ok");
            case "DATA":
                return data(c);
            case "QUIT":
                act(c, "221 2.0.0 Bye");
                return false;
            default:
                return act(c, "502 5.5.2 Command not recognized");
        }
    }

    private String ehlo() {
        List<String> lines = new ArrayList<>();
        lines.add("scripted.test");
        lines.addAll(server.config.extensions);
        if (server.config.startTls != null && !tls) {
            lines.add("STARTTLS");
        }
        if (server.config.user != null) {
            lines.add("AUTH PLAIN LOGIN");
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            s.append("250").append(i < lines.size() - 1 ? '-' : ' ').append(lines.get(i));
            if (i < lines.size() - 1) {
                s.append("\r\n");
            }
        }
        return s.toString();
    }

    private boolean startTls(Command c) throws IOException {
        if (server.config.startTls == null || tls) {
            return act(c, "502 5.5.1 STARTTLS not available");
        }
        Action a = server.actionFor(c);
        if (a.kind != Action.Kind.NORMAL) {
            return perform(a, null);
        }
        send("220 2.0.0 Ready to start TLS");
        upgrade(server.config.startTls);
        return true;
    }

    private boolean auth(Command c) throws IOException {
        Action a = server.actionFor(c);
        if (a.kind != Action.Kind.NORMAL) {
            return perform(a, null);
        }
        if (server.config.user == null) {
            send("502 5.5.1 AUTH not available");
            return true;
        }
        String[] parts = c.line().split(" ");
        String user;
        String pass;
        if (parts.length >= 2 && parts[1].equalsIgnoreCase("PLAIN")) {
            String initial = parts.length > 2 ? parts[2] : prompt("");
            String[] fields = decode(initial).split("\0", -1);
            user = fields.length == 3 ? fields[1] : "";
            pass = fields.length == 3 ? fields[2] : "";
        } else if (parts.length >= 2 && parts[1].equalsIgnoreCase("LOGIN")) {
            user = decode(parts.length > 2 ? parts[2] : prompt("VXNlcm5hbWU6"));
            pass = decode(prompt("UGFzc3dvcmQ6"));
        } else {
            send("504 5.5.4 Unrecognized authentication type");
            return true;
        }
        boolean ok = server.config.user.equals(user) && server.config.pass.equals(pass);
        send(ok ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
        return true;
    }

    private String prompt(String challenge) throws IOException {
        send("334 " + challenge);
        String line = readLine();
        if (line == null) {
            throw new IOException("client left during AUTH");
        }
        transcript.add(line);
        return line;
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private boolean data(Command c) throws IOException {
        if (mailFrom == null || recipients.isEmpty()) {
            return act(c, "503 5.5.1 MAIL and RCPT first");
        }
        Action a = server.actionFor(c);
        if (a.kind == Action.Kind.DROP_DURING_DATA) {
            send("354 End data with <CR><LF>.<CR><LF>");
            in.readNBytes(a.dataBytes);
            return false;
        }
        if (a.kind != Action.Kind.NORMAL) {
            return perform(a, null);
        }
        send("354 End data with <CR><LF>.<CR><LF>");
        String data = readData();
        if (data == null) {
            return false;
        }
        Command end = server.command(".", ".", transcript.index());
        Action after = server.actionFor(end);
        if (after.kind == Action.Kind.NORMAL) {
            server.accepted(new ReceivedMessage(transcript.index(), mailFrom, recipients, data));
            int n = server.messages().size();
            mailFrom = null;
            recipients.clear();
            send("250 2.0.0 Ok: queued as Q" + n);
            return true;
        }
        if (after.kind == Action.Kind.REPLY && after.reply.startsWith("2")) {
            server.accepted(new ReceivedMessage(transcript.index(), mailFrom, recipients, data));
        }
        mailFrom = null;
        recipients.clear();
        return perform(after, null);
    }

    /** Performs the scripted action, or the usual answer. */
    private boolean act(Command c, String usual) throws IOException {
        return perform(server.actionFor(c), usual);
    }

    private boolean perform(Action a, String usual) throws IOException {
        if (!a.delay.isZero()) {
            sleep(a.delay.toMillis());
        }
        switch (a.kind) {
            case CLOSE:
                return false;
            case SILENCE:
                while (in.read() >= 0 && !server.isClosed()) {
                    // swallow everything until the client gives up
                }
                return false;
            case REPLY:
                send(a.reply);
                if (a.stallAfter) {
                    stall();
                    return false;
                }
                return !a.closeAfter;
            default:
                if (usual != null) {
                    send(usual);
                }
                return !a.closeAfter;
        }
    }

    /** Stops reading until the connection or the server is closed. */
    private void stall() {
        while (!socket.isClosed() && !server.isClosed()) {
            sleep(20);
        }
    }

    private void upgrade(SSLContext context) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
        ssl.setUseClientMode(false);
        if (server.config.tlsProtocols != null) {
            ssl.setEnabledProtocols(server.config.tlsProtocols);
        }
        ssl.startHandshake();
        socket = ssl;
        tls = true;
        transcript.tls();
        streams();
    }

    private void streams() throws IOException {
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream());
    }

    private void send(String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    private String readData() throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = readLine()) != null) {
            if (line.equals(".")) {
                return data.toString();
            }
            data.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
