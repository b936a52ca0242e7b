package dev.emailconnectors.benchmarks.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

    /**
     * Serves one keep-alive connection: finds the end of each request's headers in its own buffer, reads
     * {@code Content-Length} body bytes, answers. No per-byte calls, so the cost per request hardly depends on its
     * size and the sink stays cheap next to the clients being measured.
     */
    private void serve(Socket socket) {
        byte[] buf = new byte[64 * 1024];
        int start = 0;
        int end = 0;
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                int headersEnd;
                while ((headersEnd = indexOfBlankLine(buf, start, end)) < 0) {
                    if (start > 0) { // compact
                        System.arraycopy(buf, start, buf, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    int n = in.read(buf, end, buf.length - end);
                    if (n < 0) {
                        return;
                    }
                    end += n;
                }
                long remaining = contentLength(buf, start, headersEnd);
                int inBuffer = end - headersEnd;
                if (remaining <= inBuffer) {
                    start = headersEnd + (int) remaining;
                } else {
                    remaining -= inBuffer;
                    start = 0;
                    end = 0;
                    while (remaining > 0) {
                        int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                        if (n < 0) {
                            return;
                        }
                        remaining -= n;
                    }
                }
                if (start == end) {
                    start = 0;
                    end = 0;
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

    /** @return the index just after the first CRLFCRLF in {@code buf[from, to)}, or -1 */
    private static int indexOfBlankLine(byte[] buf, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private static long contentLength(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n' && matches(buf, i + 1, to)) {
                long length = 0;
                for (int j = i + 1 + CONTENT_LENGTH.length; j < to && buf[j] != '\r'; j++) {
                    if (buf[j] >= '0' && buf[j] <= '9') {
                        length = length * 10 + (buf[j] - '0');
                    }
                }
                return length;
            }
        }
        return 0;
    }

    private static boolean matches(byte[] buf, int at, int to) {
        if (at + CONTENT_LENGTH.length > to) {
            return false;
        }
        for (int k = 0; k < CONTENT_LENGTH.length; k++) {
            if ((buf[at + k] | 0x20) != CONTENT_LENGTH[k]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }
}
