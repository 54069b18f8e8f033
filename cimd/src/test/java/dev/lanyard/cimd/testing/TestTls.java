package dev.lanyard.cimd.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Throw-away certificates made with the JDK's {@code keytool}, once per test run and identity: the server side of
 * test HTTPS servers, and a client trust that accepts only the {@link #TRUSTED} one.
 */
public final class TestTls {

    /** Valid for {@code *.example.test}, {@code localhost} and 127.0.0.1; the client trust accepts it. */
    public static final String TRUSTED = "dns:localhost,dns:*.example.test,ip:127.0.0.1";
    /** A self-signed certificate for the same names that no client trust accepts. */
    public static final String SELF_SIGNED = "dns:localhost,dns:*.example.test,ip:127.0.0.1,dns:self.invalid";

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final Map<String, KeyStore> STORES = new ConcurrentHashMap<>();

    private TestTls() {
    }

    private static KeyStore keyStore(String san) {
        return STORES.computeIfAbsent(san, TestTls::generate);
    }

    private static KeyStore generate(String san) {
        try {
            Path dir = Files.createTempDirectory("lanyard-cimd-tls");
            Path file = dir.resolve("test.p12");
            Process keytool = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "test", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=" + san, "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", new String(PASSWORD),
                    "-keypass", new String(PASSWORD)))
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, PASSWORD);
            }
            Files.delete(file);
            Files.delete(dir);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's TLS context, presenting the certificate for {@code san}. */
    public static SSLContext server(String san) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(san), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client TLS context that trusts the {@link #TRUSTED} certificate and nothing else. */
    public static SSLContext clientTrust() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore(TRUSTED));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
