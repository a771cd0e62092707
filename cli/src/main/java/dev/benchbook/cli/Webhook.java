package dev.benchbook.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Posts a comparison's JSON to a URL: {@code Content-Type: application/json}, each attempt bounded by {@code
 * timeout} (connecting and the whole response), retried on a connection failure, a timeout, a 429 or a 5xx, with
 * a doubling backoff. A 2xx is success; any other status is not retried. Never throws: the outcome is returned,
 * for the caller to warn about.
 *
 * @param url where to post
 * @param timeout the limit of one attempt
 * @param retries attempts after the first, {@code >= 0}
 * @param backoff the wait before the first retry, doubled before each further one
 */
record Webhook(URI url, Duration timeout, int retries, Duration backoff) {
    /** How a post ended. */
    record Outcome(boolean delivered, int attempts, int status, String problem) {}

    /**
     * Checks the options; the message names the flag, the value, the rule and the fix.
     *
     * @throws CliException with {@link ExitCodes#USAGE}
     */
    static Webhook of(String url, Duration timeout, int retries, Duration backoff) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--webhook " + url + ": not a URL (" + e.getMessage() + "); e.g. "
                    + "https://hooks.example.com/benchbook");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw CliException.usage("--webhook " + url + ": must be an http:// or https:// URL with a host; e.g. "
                    + "https://hooks.example.com/benchbook");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw CliException.usage("--webhook-timeout " + timeout.toMillis() + "ms: must be > 0; e.g. 5s");
        }
        if (retries < 0) {
            throw CliException.usage("--webhook-retries " + retries + ": must be >= 0; use 0 for a single attempt");
        }
        if (backoff.isNegative()) {
            throw CliException.usage("--webhook-backoff " + backoff.toMillis() + "ms: must be >= 0; e.g. 500ms");
        }
        return new Webhook(uri, timeout, retries, backoff);
    }

    /** Posts {@code json}, telling {@code log} about each failed attempt. */
    Outcome post(String json, Consumer<String> log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "benchbook-cli")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        String problem = "";
        int status = 0;
        Duration wait = backoff;
        for (int attempt = 1; attempt <= retries + 1; attempt++) {
            boolean retryable;
            try {
                HttpResponse<Void> response = client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .get(timeout.toMillis() + 1_000, java.util.concurrent.TimeUnit.MILLISECONDS);
                status = response.statusCode();
                if (status / 100 == 2) {
                    return new Outcome(true, attempt, status, "");
                }
                problem = "HTTP " + status;
                retryable = status == 429 || status / 100 == 5;
            } catch (java.util.concurrent.TimeoutException e) {
                problem = "no answer within " + timeout.toMillis() + " ms";
                retryable = true;
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                problem = cause instanceof java.net.http.HttpTimeoutException
                        ? "no answer within " + timeout.toMillis() + " ms"
                        : cause instanceof IOException ? "cannot connect: " + cause : String.valueOf(cause);
                retryable = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, attempt, status, "interrupted");
            }
            if (!retryable || attempt == retries + 1) {
                return new Outcome(false, attempt, status, problem);
            }
            log.accept("webhook: attempt " + attempt + " of " + (retries + 1) + " failed (" + problem + "); retrying in "
                    + wait.toMillis() + " ms");
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, attempt, status, "interrupted");
            }
            wait = wait.multipliedBy(2);
        }
        return new Outcome(false, retries + 1, status, problem);
    }
}
