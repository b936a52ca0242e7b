package dev.emailconnectors.okhttp;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The one {@link OkHttpClient} of the JVM, created on first use. Every transport derives its own client from it with
 * {@link OkHttpClient#newBuilder()}, so they all share its connection pool and dispatcher threads.
 */
final class SharedClient {
    /** Idle connections kept for reuse across every connector of the JVM. */
    static final int MAX_IDLE_CONNECTIONS = 64;

    private SharedClient() {}

    static OkHttpClient get() {
        return Holder.CLIENT;
    }

    private static final class Holder {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                // a redirect could lead to an address the network policy forbids, and APIs do not redirect POSTs
                .followRedirects(false)
                .followSslRedirects(false)
                // attempts are counted and retried by the transport's policy only; OkHttp would silently repeat a
                // request after a 408 or a failed connection
                .retryOnConnectionFailure(false)
                .build();
    }
}
