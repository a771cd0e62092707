package dev.benchbook.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that decides where load may go: {@code http} URIs whose host is a loopback literal
 * ({@code 127.0.0.0/8}, {@code ::1}) or {@code localhost} when every address it resolves to is loopback.
 * Other names are refused without a look-up, so a run never depends on DNS.
 */
final class LoopbackTarget {
    private static final String FIX = "the load generator sends only to servers on this machine; target "
            + "http://127.0.0.1:PORT/PATH (or http://[::1]:PORT/, http://localhost:PORT/)";

    private LoopbackTarget() {}

    /** The socket address of {@code uri}, checked to be loopback. */
    static InetSocketAddress address(URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("Load.http(uri=null): a target URI is required; " + FIX);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme)) {
            throw new IllegalArgumentException("Load.http(uri=" + uri + "): scheme " + scheme
                    + " is not supported: only plain http (HTTP/1.1) is; " + FIX);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("Load.http(uri=" + uri + "): the URI has no host; " + FIX);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Load.http(uri=" + uri + "): user info in the URI is not supported; "
                    + "send credentials with .header(\"Authorization\", ...)");
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        InetAddress address;
        if (host.equalsIgnoreCase("localhost")) {
            InetAddress[] all;
            try {
                all = InetAddress.getAllByName("localhost");
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Load.http(uri=" + uri + "): localhost does not resolve on this "
                        + "machine; target http://127.0.0.1:" + port + "/ instead");
            }
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    throw new IllegalArgumentException("Load.http(uri=" + uri + "): localhost resolves to "
                            + a.getHostAddress() + ", which is not a loopback address (127.0.0.0/8, ::1); "
                            + "target http://127.0.0.1:" + port + "/ instead");
                }
            }
            address = all[0];
        } else {
            address = literal(uri, host);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("Load.http(uri=" + uri + "): host " + host
                        + " is not a loopback address (127.0.0.0/8, ::1); " + FIX);
            }
        }
        return new InetSocketAddress(address, port);
    }

    private static InetAddress literal(URI uri, String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = h.contains(":") && h.matches("[0-9a-fA-F:.]+");
        if (ipv4) {
            for (String octet : h.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw new IllegalArgumentException("Load.http(uri=" + uri + "): host " + host
                            + " is not a valid IPv4 address (an octet is over 255); " + FIX);
                }
            }
        }
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("Load.http(uri=" + uri + "): host " + host
                    + " is a name, not a loopback address; only localhost and IP literals are accepted; " + FIX);
        }
        try {
            return InetAddress.getByName(h); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Load.http(uri=" + uri + "): host " + host
                    + " is not a valid IP address; " + FIX);
        }
    }

    /** The bytes of a GET of {@code uri}'s path and query, with {@code headers} after the standard ones. */
    static byte[] request(URI uri, Map<String, String> headers) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StringBuilder b = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getRawAuthority()).append("\r\n")
                .append("User-Agent: benchbook-load\r\n");
        headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
