package dev.lanyard.discovery.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;

import dev.lanyard.discovery.fetch.FetchException.Reason;
import dev.lanyard.discovery.internal.net.CheckingDnsResolver;
import dev.lanyard.discovery.internal.net.FetchFailures;
import dev.lanyard.discovery.internal.net.HostLiterals;
import dev.lanyard.discovery.internal.net.HttpClients5;
import dev.lanyard.discovery.internal.net.Redirects;
import dev.lanyard.discovery.internal.net.SpecialUseAddresses;

/**
 * The one outbound HTTP client of Lanyard: every metadata, JWKS and client ID metadata document fetch goes through it.
 *
 * <ul>
 *   <li>The host is resolved once; if <em>any</em> answer is a special-use address (RFC 6890: loopback, private,
 *       link-local incl. 169.254.169.254, CGNAT, multicast, IPv4-mapped or NAT64 forms of those, …) the fetch is
 *       refused before any connection. The connection goes to exactly the addresses checked (pinned in the
 *       request's target), so DNS rebinding has no window. IP-literal hosts are checked the same way.</li>
 *   <li>{@code https} only; plain {@code http} only to loopback when the policy allows loopback (tests and
 *       development). TLS certificate and host name checks are the JVM defaults and are never relaxed.</li>
 *   <li>Connect and total timeouts (a trickling body is cut off), a body cap (reading stops at the cap), no
 *       redirect unless the policy allows some, and then only within the same origin, each hop checked again.</li>
 * </ul>
 *
 * <p>A fetcher serves one {@link FetchPolicy} and owns a connection pool; {@link #withPolicy(FetchPolicy)} makes a
 * sibling for another policy. Thread-safe. Close it to release its connections.
 *
 * <p>Specifications: RFC 6890 §2.2; MCP {@value dev.lanyard.spec.ref.Specs#MCP} security best practices (SSRF);
 * draft-ietf-oauth-client-id-metadata-document §6 (SSRF, size); RFC 9728 §7.7.
 */
public final class SafeFetcher implements AutoCloseable {

    private static final String PROBE_ACCEPT = "application/json, text/event-stream";

    private final FetchPolicy policy;
    private final HostResolver resolver;
    private final Optional<SSLContext> trust;
    private final CheckingDnsResolver dns;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService watchdog;

    private SafeFetcher(FetchPolicy policy, HostResolver resolver, Optional<SSLContext> trust) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.dns = new CheckingDnsResolver(resolver, policy.allowLoopback());
        this.client = HttpClients5.create(policy, dns, trust);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setDaemon(true);
            thread.setName("lanyard-fetch-deadline");
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.watchdog = timer;
    }

    /** A fetcher for {@code policy}, resolving names with the JVM's resolver. */
    public static SafeFetcher create(FetchPolicy policy) {
        return new SafeFetcher(policy, HostResolver.system(), Optional.empty());
    }

    /** A fetcher for {@code policy} resolving names with {@code resolver} (whose answers are still checked). */
    public static SafeFetcher create(FetchPolicy policy, HostResolver resolver) {
        return new SafeFetcher(policy, resolver, Optional.empty());
    }

    /**
     * A fetcher for {@code policy} resolving names with {@code resolver} and trusting the certificates {@code trust}'s
     * trust managers accept (a private CA, or a test certificate) instead of the JVM's default trust store. Host name
     * verification stays on; there is no way to turn TLS checks off.
     */
    public static SafeFetcher create(FetchPolicy policy, HostResolver resolver, SSLContext trust) {
        return new SafeFetcher(policy, resolver, Optional.of(trust));
    }

    /** A new fetcher for another policy, with the same resolver and trust, and its own connection pool. */
    public SafeFetcher withPolicy(FetchPolicy other) {
        return new SafeFetcher(other, resolver, trust);
    }

    /**
     * Whether a fetch of {@code uri} is refused for its host alone, before any DNS lookup, whatever the policy: an IP
     * literal in a special-use block (RFC 6890; loopback included), a malformed IPv6 literal, or a number that is not
     * a dotted quad ({@code 2130706433}, {@code 0x7f.1}). For checks when a URL is registered (a client's
     * {@code jwks_uri}); host names are checked when they are fetched, against the answers of that moment.
     */
    public static boolean refusesLiteralHost(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String bare = HostLiterals.unbracket(host);
        if (HostLiterals.isAmbiguousNumeric(bare)) {
            return true;
        }
        try {
            return HostLiterals.parse(bare).flatMap(SpecialUseAddresses::classify).isPresent();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** The policy this fetcher enforces. */
    public FetchPolicy policy() {
        return policy;
    }

    /**
     * GETs {@code uri} and reads its body (at most the policy's cap). Any status is returned; a 2xx answer must have a
     * media type the policy accepts.
     *
     * @throws FetchException if the policy refuses the URL, an address, a redirect, the body size or content type,
     *                        or the server cannot be reached in time
     */
    public FetchResult fetch(URI uri) {
        return run(uri, true, null);
    }

    /**
     * POSTs a form ({@code application/x-www-form-urlencoded}) to {@code uri}, for back-channel calls such as token
     * introspection (RFC 7662 §2.1), and reads the answer like {@link #fetch(URI)}. Redirects are never followed.
     *
     * @param form          the encoded form
     * @param authorization the {@code Authorization} header value, if any; never logged
     * @throws FetchException as {@link #fetch(URI)}; {@code REDIRECT_REFUSED} for any redirect
     */
    public FetchResult post(URI uri, String form, Optional<String> authorization) {
        return run(uri, true, new Form(form, authorization));
    }

    private record Form(String body, Optional<String> authorization) {
        @Override
        public String toString() {
            return "Form[hidden]";
        }
    }

    /**
     * GETs {@code uri} and returns status and headers only (for example the {@code WWW-Authenticate} challenge of an
     * unauthenticated request); the body is never read and the connection is dropped. Any content type.
     *
     * @throws FetchException as {@link #fetch(URI)}, except for body size and content type
     */
    public FetchResult probe(URI uri) {
        return run(uri, false, null);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }

    private record Target(String scheme, String host, int port, List<InetAddress> addresses) {
    }

    private FetchResult run(URI requested, boolean readBody, Form form) {
        long deadline = System.nanoTime() + policy.totalTimeout().toNanos();
        URI current = Redirects.withoutFragment(requested);
        for (int hop = 0; ; hop++) {
            Target target = target(current);
            FetchResult result = execute(target, current, deadline, readBody, form);
            if (!Redirects.isRedirect(result.status()) || result.header("location").isEmpty()) {
                return result;
            }
            URI next = Redirects.target(current, result.header("location").get());
            if (policy.maxRedirects() == 0 || form != null) {
                throw new FetchException(current, Reason.REDIRECT_REFUSED,
                        result.status() + " to " + next + " not followed: this fetch follows no redirect");
            }
            if (!Redirects.sameOrigin(current, next)) {
                throw new FetchException(current, Reason.REDIRECT_REFUSED,
                        result.status() + " to " + next + " not followed: another origin");
            }
            if (hop + 1 > policy.maxRedirects()) {
                throw new FetchException(current, Reason.REDIRECT_REFUSED,
                        "more than " + policy.maxRedirects() + " redirects");
            }
            current = next;
        }
    }

    private Target target(URI uri) {
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null || uri.getHost() == null) {
            throw new FetchException(uri, Reason.INVALID_URL, "an absolute URL with a host is required");
        }
        if (uri.getRawUserInfo() != null) {
            throw new FetchException(uri, Reason.INVALID_URL, "userinfo is not allowed in the URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !(scheme.equals("http") && policy.allowLoopback())) {
            throw new FetchException(uri, Reason.SCHEME_REFUSED,
                    "scheme '" + scheme + "' refused, https is required");
        }
        String host = HostLiterals.unbracket(uri.getHost());
        if (HostLiterals.isAmbiguousNumeric(host)) {
            throw new FetchException(uri, Reason.INVALID_URL,
                    "numeric host '" + host + "' is not a dotted-quad IPv4 address");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        if (!policy.allowedPorts().isEmpty() && !policy.allowedPorts().contains(port)) {
            throw new FetchException(uri, Reason.PORT_REFUSED,
                    "port " + port + " is not among " + policy.allowedPorts());
        }
        List<InetAddress> addresses;
        try {
            addresses = List.of(dns.resolve(host));
        } catch (UnknownHostException e) {
            throw FetchFailures.map(uri, e, false);
        }
        if (!https && !addresses.stream().allMatch(SpecialUseAddresses::isLoopback)) {
            throw new FetchException(uri, Reason.SCHEME_REFUSED, "plain http is only allowed to loopback addresses");
        }
        return new Target(scheme, host, port, addresses);
    }

    private FetchResult execute(Target target, URI uri, long deadline, boolean readBody, Form form) {
        FetchException last = null;
        for (InetAddress address : target.addresses()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new FetchException(uri, Reason.TIMEOUT, "total timeout of " + policy.totalTimeout() + " passed");
            }
            HttpUriRequestBase get = form == null ? new HttpGet(uri) : new HttpPost(uri);
            get.setHeader("Accept", readBody ? policy.acceptHeader() : PROBE_ACCEPT);
            if (form != null) {
                get.setEntity(new StringEntity(form.body(), ContentType.APPLICATION_FORM_URLENCODED));
                form.authorization().ifPresent(a -> get.setHeader("Authorization", a));
            }
            ScheduledFuture<?> timer = watchdog.schedule(get::cancel, remaining, TimeUnit.NANOSECONDS);
            HttpHost pinned = new HttpHost(target.scheme(), address, target.host(), target.port());
            try (ClassicHttpResponse response = open(pinned, get, uri, deadline)) {
                return read(uri, response, get, deadline, readBody);
            } catch (IOException e) {
                last = FetchFailures.map(uri, e, System.nanoTime() >= deadline);
                if (last.reason() != Reason.CONNECT_FAILED) {
                    throw last;
                }
            } finally {
                timer.cancel(false);
            }
        }
        throw Objects.requireNonNull(last);
    }

    /**
     * Sends the request. When the deadline cancels it while HttpClient is still leasing or connecting, HttpClient
     * does not always report an I/O failure: the endpoint it has just released gives an {@link IllegalStateException}
     * ("Endpoint not acquired / already released") or, one step later, a {@link NullPointerException} ("Connection")
     * from the connection operator. Both are a timeout then, and only then.
     */
    private ClassicHttpResponse open(HttpHost pinned, HttpUriRequestBase request, URI uri, long deadline)
            throws IOException {
        try {
            return client.executeOpen(pinned, request, null);
        } catch (IllegalStateException | NullPointerException e) {
            if (request.isCancelled() || System.nanoTime() >= deadline) {
                throw new FetchException(uri, Reason.TIMEOUT,
                        "total timeout of " + policy.totalTimeout() + " passed", e);
            }
            throw e;
        }
    }

    private FetchResult read(URI uri, ClassicHttpResponse response, HttpUriRequestBase get, long deadline,
            boolean readBody)
            throws IOException {
        int status = response.getCode();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            String name = header.getName().toLowerCase(Locale.ROOT);
            if (FetchResult.KEPT_HEADERS.contains(name)) {
                headers.computeIfAbsent(name, n -> new ArrayList<>()).add(header.getValue());
            }
        }
        FetchResult head = new FetchResult(uri, status, headers, new byte[0]);
        if (!readBody || Redirects.isRedirect(status)) {
            get.cancel();
            return head;
        }
        if (head.isSuccess()) {
            String type = head.mediaType().orElse("");
            if (!policy.accepts(type)) {
                get.cancel();
                throw new FetchException(uri, Reason.CONTENT_TYPE_REFUSED, status + " with content type '"
                        + (type.isEmpty() ? "none" : type) + "', expected " + policy.acceptedContentTypes());
            }
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return head;
        }
        int cap = policy.maxBodyBytes();
        if (entity.getContentLength() > cap) {
            get.cancel();
            throw new FetchException(uri, Reason.BODY_TOO_LARGE,
                    "Content-Length " + entity.getContentLength() + " exceeds the cap of " + cap + " bytes");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(cap + 1, 8192));
        byte[] buffer = new byte[8192];
        try (InputStream in = entity.getContent()) {
            int n;
            while ((n = in.read(buffer, 0, Math.min(buffer.length, cap + 1 - body.size()))) != -1) {
                body.write(buffer, 0, n);
                if (body.size() > cap) {
                    get.cancel();
                    throw new FetchException(uri, Reason.BODY_TOO_LARGE, "body exceeds the cap of " + cap + " bytes");
                }
                if (System.nanoTime() >= deadline) {
                    get.cancel();
                    throw new FetchException(uri, Reason.TIMEOUT,
                            "total timeout of " + policy.totalTimeout() + " passed while reading the body");
                }
            }
        }
        return new FetchResult(uri, status, headers, body.toByteArray());
    }
}
