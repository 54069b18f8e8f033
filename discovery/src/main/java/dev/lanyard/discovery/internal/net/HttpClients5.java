package dev.lanyard.discovery.internal.net;

import java.util.Optional;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import dev.lanyard.discovery.fetch.FetchPolicy;

/**
 * Builds the one Apache HttpClient 5 configuration the fetcher uses: the checking DNS resolver and guarded sockets,
 * the JVM's default TLS trust and host name verification (never relaxed), no proxy, no redirect handling, no retries,
 * no cookies, no authentication, no content decompression.
 */
public final class HttpClients5 {

    private HttpClients5() {
    }

    /**
     * A client for one policy; it owns its connection pool, so no connection is shared across policies.
     *
     * @param trust the TLS context whose trust managers decide which certificates are trusted; empty for the JVM's
     *              default trust store. Host name verification is always on.
     */
    public static CloseableHttpClient create(FetchPolicy policy, CheckingDnsResolver dns, Optional<SSLContext> trust) {
        Timeout connect = Timeout.of(policy.connectTimeout());
        Timeout total = Timeout.of(policy.totalTimeout());
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManagerBuilder() {
            @Override
            protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports,
                    DnsResolver resolver, TlsSocketStrategy tls) {
                return new DefaultHttpClientConnectionOperator(new GuardedSocketFactory(dns), ports, resolver,
                        RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build());
            }
        }
                .setDnsResolver(dns)
                .setTlsSocketStrategy(trust.map(DefaultClientTlsStrategy::new)
                        .orElseGet(DefaultClientTlsStrategy::createDefault))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(total)
                        .setTimeToLive(TimeValue.ofMinutes(2))
                        .build())
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(connect).build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(4)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setAuthenticationEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .setContentCompressionEnabled(false)
                        .setConnectionRequestTimeout(total)
                        .setResponseTimeout(total)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableConnectionState()
                .setUserAgent("lanyard")
                .build();
    }
}
