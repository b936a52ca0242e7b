package dev.emailconnectors.okhttp;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every attempt at DEBUG on {@code dev.emailconnectors.okhttp.HttpTransport}: connector, method, URL (query
 * values masked), status or failure, duration, and the request headers with credentials masked. Bodies are never
 * logged: they hold one-time codes and personal data.
 */
final class LoggingInterceptor implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final String connectorId;
    private final Redaction redaction;

    LoggingInterceptor(String connectorId, Redaction redaction) {
        this.connectorId = connectorId;
        this.redaction = redaction;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(request);
        }
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            LOG.debug(
                    "[{}] {} {} -> {} in {} ms, request headers {}",
                    connectorId,
                    request.method(),
                    Redaction.url(request.url()),
                    response.code(),
                    (System.nanoTime() - start) / 1_000_000,
                    redaction.headers(request.headers()));
            return response;
        } catch (IOException | RuntimeException e) {
            LOG.debug(
                    "[{}] {} {} failed after {} ms: {}, request headers {}",
                    connectorId,
                    request.method(),
                    Redaction.url(request.url()),
                    (System.nanoTime() - start) / 1_000_000,
                    e.getClass().getSimpleName(),
                    redaction.headers(request.headers()));
            throw e;
        }
    }
}
