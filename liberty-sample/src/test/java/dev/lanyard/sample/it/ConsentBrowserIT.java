package dev.lanyard.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.lanyard.spec.authz.CodeVerifier;

/**
 * The sign-in and consent pages in a real browser (headless Chromium over the DevTools Protocol): alice signs in,
 * sees who asks for what, approves, and the browser lands on the client's loopback redirect URI with a code; a consent
 * answer with a forged CSRF token is refused. Screenshots go to {@code target/screenshots}.
 */
class ConsentBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("lanyard.screenshots", "target/screenshots"));

    private static HttpServer client;
    private static final BlockingQueue<String> CALLBACKS = new LinkedBlockingQueue<>();
    private static String redirectUri;

    /** The client's side of the redirect: a loopback listener, as a native app runs (RFC 8252 §7.3). */
    @BeforeAll
    static void startClientCallback() throws IOException {
        client = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        client.createContext("/callback", exchange -> {
            CALLBACKS.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
            byte[] page = "<!DOCTYPE html><title>Signed in</title><h1>You can close this window</h1>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        client.start();
        redirectUri = "http://127.0.0.1:" + client.getAddress().getPort() + "/callback";
    }

    @AfterAll
    static void stopClientCallback() {
        client.stop(0);
    }

    @Test
    void aliceSignsInSeesTheClientAndScopesApprovesAndTheClientGetsACode() throws Exception {
        CodeVerifier verifier = CodeVerifier.random();
        try (Chromium browser = Chromium.launch(Path.of("target", "chromium-consent.log"))) {
            browser.navigate(authorizeUrl(verifier, "st-browser"));
            signInAsAlice(browser);

            browser.waitUntil("document.querySelector('form[action$=\"/authorize/consent\"]')");
            String page = browser.text("document.body.innerText");
            // who asks: the name the client gives itself, its client id, and where the answer goes (its host)
            assertThat(browser.text("document.querySelector('.client strong').textContent")).isEqualTo("Sample CLI");
            assertThat(browser.text("Array.from(document.querySelectorAll('dd.host')).map(d => d.textContent)"
                    + ".join(' | ')")).isEqualTo("sample-cli | 127.0.0.1:" + client.getAddress().getPort());
            // what for: each requested scope with its description
            assertThat(browser.text("Array.from(document.querySelectorAll('ul.scopes li')).map(l => l.textContent)"
                    + ".join(' | ')")).isEqualTo("Read your notes notes:read | Add notes notes:write");
            assertThat(page).contains(SampleIT.MCP);
            Path shot = browser.screenshot(SCREENSHOTS.resolve("consent.png"));
            assertThat(Files.readAllBytes(shot)).startsWith(0x89, 'P', 'N', 'G').hasSizeGreaterThan(5_000);

            browser.evaluate("document.querySelector('button[value=\"approve\"]').click()");
            browser.waitUntil("location.href.startsWith('" + redirectUri + "?')");
            browser.screenshot(SCREENSHOTS.resolve("redirected.png"));
            String callback = CALLBACKS.poll(10, TimeUnit.SECONDS);
            assertThat(callback).isNotNull();
            String code = UserAgent.query(redirectUri + "?" + callback).get("code");
            assertThat(code).isNotBlank();
            assertThat(UserAgent.query(redirectUri + "?" + callback)).containsEntry("state", "st-browser")
                    .containsEntry("iss", SampleIT.BASE);
            // the code the browser carried is real: the client redeems it
            HttpResponse<String> tokens = new UserAgent("alice", "alice-password").post("/token", UserAgent.form(
                    "grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                    "code_verifier", verifier.value(), "client_id", "sample-cli"));
            assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
            assertThat(UserAgent.json(tokens).getString("scope").split(" "))
                    .containsExactlyInAnyOrder("notes:read", "notes:write");
        }
    }

    // MCP authorization: the consent page has CSRF protection (OAuth 2.1 §7.10): the answer needs the page's own
    // token; with a forged one the browser gets an error page and nothing goes to the client
    @Test
    void consentAnswerWithAForgedCsrfTokenIsRefused() throws Exception {
        CALLBACKS.clear();
        try (Chromium browser = Chromium.launch(Path.of("target", "chromium-csrf.log"))) {
            browser.navigate(authorizeUrl(CodeVerifier.random(), "st-forged"));
            signInAsAlice(browser);
            browser.waitUntil("document.querySelector('form[action$=\"/authorize/consent\"]')");
            String genuine = browser.text("document.querySelector('input[name=\"csrf\"]').value");
            assertThat(genuine).isNotBlank();
            browser.evaluate("document.querySelector('input[name=\"csrf\"]').value = '"
                    + "forged-" + Long.toHexString(System.nanoTime()) + "'");
            browser.evaluate("document.querySelector('button[value=\"approve\"]').click()");
            browser.waitUntil("document.readyState === 'complete' && location.pathname === '/authorize/consent'");
            browser.screenshot(SCREENSHOTS.resolve("consent-forged-csrf.png"));

            assertThat(browser.documentStatus(SampleIT.BASE + "/authorize/consent")).contains(400);
            // an error page rendered as HTML (not its escaped source), naming the error
            assertThat(browser.text("document.querySelector('h1').textContent"))
                    .isEqualTo("This request cannot be processed");
            assertThat(browser.text("document.querySelector('p.code code').textContent")).isEqualTo("invalid_request");
            assertThat(browser.text("document.body.innerText")).doesNotContain("code=");
            assertThat(browser.text("location.href")).doesNotStartWith(redirectUri);
            assertThat(CALLBACKS.poll(1, TimeUnit.SECONDS)).as("nothing reached the client").isNull();
        }
    }

    private static void signInAsAlice(Chromium browser) throws InterruptedException {
        browser.waitUntil("document.readyState === 'complete' && document.querySelector('input[name=\"j_username\"]')");
        browser.evaluate("""
                document.querySelector('input[name="j_username"]').value = 'alice';
                document.querySelector('input[name="j_password"]').value = 'alice-password';
                document.querySelector('form[action="j_security_check"] button[type="submit"]').click();
                """);
    }

    private static String authorizeUrl(CodeVerifier verifier, String state) {
        return SampleIT.BASE + "/authorize?" + UserAgent.form("response_type", "code", "client_id", "sample-cli",
                "redirect_uri", redirectUri, "code_challenge", verifier.challenge().value(),
                "code_challenge_method", "S256", "state", state, "scope", "notes:read notes:write", "resource",
                SampleIT.MCP);
    }
}
