package dev.emailconnectors.benchmarks.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 that answers every request with {@code 200 ok} on keep-alive connections,
 * one thread per connection. It records nothing but a request count, so it costs as little as possible and the same
 * for both sides of the comparison (MockWebServer keeps every request in memory, which would skew long runs).
 */
final class LocalHttpSink implements AutoCloseable {
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\n"
                    + "Content-Type: text/plain\r\n"
                    + "Content-Length: 2\r\n"
                    + "\r\n"
                    + "ok")
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();

    LocalHttpSink() throws IOException {
        server = new ServerSocket(0, 128, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::accept, "http-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    long requests() {
        return requests.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                Thread t = new Thread(() -> serve(socket), "http-sink-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = socket.getOutputStream();
            StringBuilder line = new StringBuilder();
            while (true) {
                long length = 0;
                boolean any = false;
                while (true) { // request line and headers
                    String header = readLine(in, line);
                    if (header == null) {
                        return;
                    }
                    if (header.isEmpty()) {
                        if (any) {
                            break;
                        }
                        continue;
                    }
                    any = true;
                    int colon = header.indexOf(':');
                    if (colon > 0
                            && header.substring(0, colon)
                                    .trim()
                                    .toLowerCase(Locale.ROOT)
                                    .equals("content-length")) {
                        length = Long.parseLong(header.substring(colon + 1).trim());
                    }
                }
                while (length > 0) {
                    long skipped = in.skip(length);
                    if (skipped <= 0) {
                        if (in.read() < 0) {
                            return;
                        }
                        skipped = 1;
                    }
                    length -= skipped;
                }
                requests.incrementAndGet();
                out.write(RESPONSE);
                out.flush();
            }
        } catch (IOException e) {
            // client went away
        } finally {
            connections.remove(socket);
        }
    }

    private static String readLine(InputStream in, StringBuilder line) throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) c);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }
}
