package dev.emailconnectors.integration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted ESMTP server on 127.0.0.1 for the suites: well-behaved unless told otherwise, with a reply override per
 * verb ({@code GREETING}, {@code EHLO}, {@code AUTH}, {@code MAIL}, {@code RCPT}, {@code DATA}, {@code .} for the
 * end of data), silence, slowness and a connection dropped in the middle of DATA. It records every line a client sent
 * and every message it accepted (answered 250 after the data). Kept here because the SMTP connector's own scripted
 * server lives in that module's tests.
 */
final class SmtpPeer implements AutoCloseable {
    /** A message the peer accepted. */
    record Message(String mailFrom, List<String> recipients, String data) {}

    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Message> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile long greetingDelayMs;
    private volatile boolean silent;
    private volatile boolean dropInData;
    private volatile boolean startTls;
    private volatile boolean echoAuth;
    private volatile boolean closed;

    SmtpPeer() {
        try {
            listener = new ServerSocket(0, 64, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "smtp-peer-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Answers a verb with this reply (one or more lines separated by \r\n), from now on. */
    SmtpPeer reply(String verb, String reply) {
        replies.put(verb, reply);
        return this;
    }

    /** Waits before the greeting. */
    SmtpPeer greetingDelay(long millis) {
        greetingDelayMs = millis;
        return this;
    }

    /** Accepts connections and never says a word. */
    SmtpPeer silent() {
        silent = true;
        return this;
    }

    /** Closes the connection after the first line of message data. */
    SmtpPeer dropInData() {
        dropInData = true;
        return this;
    }

    /** Offers STARTTLS (and answers it with 454, so no TLS ever starts). */
    SmtpPeer offerStartTls() {
        startTls = true;
        return this;
    }

    /** Makes a refusal of AUTH or RCPT echo the credentials the client sent, as a careless server might. */
    SmtpPeer echoAuth() {
        echoAuth = true;
        return this;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    List<Message> accepted() {
        return List.copyOf(accepted);
    }

    void reset() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        lines.clear();
        accepted.clear();
        replies.clear();
        greetingDelayMs = 0;
        silent = false;
        dropInData = false;
        startTls = false;
        echoAuth = false;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = listener.accept();
                open.add(s);
                Thread t = new Thread(() -> session(s), "smtp-peer-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            if (silent) {
                while (in.read() >= 0) {
                    // swallow whatever comes, answer nothing
                }
                return;
            }
            if (greetingDelayMs > 0) {
                Thread.sleep(greetingDelayMs);
            }
            send(out, replies.getOrDefault("GREETING", "220 peer.example ESMTP ready"));
            if (!replies.getOrDefault("GREETING", "220").startsWith("220")) {
                return;
            }
            String auth = "";
            String from = null;
            List<String> rcpts = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                String verb = verb(line);
                switch (verb) {
                    case "EHLO" -> send(out, replies.getOrDefault("EHLO", ehlo()));
                    case "HELO" -> send(out, replies.getOrDefault("HELO", "250 peer.example"));
                    case "STARTTLS" -> send(out, "454 4.7.0 TLS not available");
                    case "AUTH" -> {
                        auth = authenticate(line, in, out);
                        String r = replies.getOrDefault("AUTH", "235 2.7.0 Authentication successful");
                        send(out, echoAuth && !r.startsWith("2") ? r + " (credentials " + auth + ")" : r);
                    }
                    case "MAIL" -> {
                        from = line.substring(10).trim();
                        rcpts.clear();
                        send(out, replies.getOrDefault("MAIL", "250 2.1.0 OK"));
                    }
                    case "RCPT" -> {
                        String r = replies.getOrDefault("RCPT", "250 2.1.5 OK");
                        if (r.startsWith("2")) {
                            rcpts.add(address(line.substring(8).trim()));
                        }
                        send(out, echoAuth && !r.startsWith("2") ? r + " (credentials " + auth + ")" : r);
                    }
                    case "DATA" -> {
                        String r = replies.getOrDefault("DATA", "354 End data with <CR><LF>.<CR><LF>");
                        send(out, r);
                        if (r.startsWith("354")) {
                            String data = readData(in, socket);
                            if (data == null) {
                                return;
                            }
                            String end = replies.getOrDefault(".", "250 2.0.0 OK queued as " + ids.incrementAndGet());
                            if (end.startsWith("250")) {
                                accepted.add(new Message(from, List.copyOf(rcpts), data));
                            }
                            send(out, end);
                        }
                    }
                    case "RSET" -> {
                        rcpts.clear();
                        send(out, "250 2.0.0 OK");
                    }
                    case "NOOP" -> send(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        send(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> send(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private String ehlo() {
        return "250-peer.example\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-AUTH PLAIN LOGIN\r\n"
                + (startTls ? "250-STARTTLS\r\n" : "") + "250 ENHANCEDSTATUSCODES";
    }

    /** Reads the AUTH exchange (PLAIN with or without initial response, or LOGIN); returns what the client sent. */
    private String authenticate(String line, BufferedReader in, OutputStream out) throws IOException {
        String[] parts = line.trim().split(" ");
        String mechanism = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
        if (mechanism.equals("PLAIN")) {
            if (parts.length > 2) {
                return parts[2];
            }
            send(out, "334 ");
            return record(in.readLine());
        }
        if (mechanism.equals("LOGIN")) {
            String user = parts.length > 2 ? parts[2] : null;
            if (user == null) {
                send(out, "334 VXNlcm5hbWU6");
                user = record(in.readLine());
            }
            send(out, "334 UGFzc3dvcmQ6");
            return user + " " + record(in.readLine());
        }
        return "";
    }

    private String record(String line) {
        lines.add(String.valueOf(line));
        return String.valueOf(line);
    }

    /** Reads message data up to the lone dot; null when the connection is dropped on purpose. */
    private String readData(BufferedReader in, Socket socket) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        boolean first = true;
        while ((line = in.readLine()) != null) {
            lines.add(line);
            if (first && dropInData) {
                socket.close();
                return null;
            }
            first = false;
            if (line.equals(".")) {
                return data.toString();
            }
            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
        return null;
    }

    private static String verb(String line) {
        int space = line.indexOf(' ');
        String v = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        return v.equals("MAIL") || v.equals("RCPT") ? v : v.trim();
    }

    private static String address(String arg) {
        int lt = arg.indexOf('<');
        int gt = arg.indexOf('>');
        return lt >= 0 && gt > lt ? arg.substring(lt + 1, gt) : arg;
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        reset();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
