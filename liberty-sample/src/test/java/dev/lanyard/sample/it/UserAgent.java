package dev.lanyard.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.core.StrictJson;

/**
 * A user agent without a browser engine: keeps cookies, never follows redirects by itself, signs in through the
 * sample's form login and answers the consent page. Drives the code flow of the public client {@code sample-cli}.
 */
final class UserAgent {

    static final String BASE = SampleIT.BASE;
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String user;
    private final String password;

    UserAgent(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** The tokens of {@code sample-cli} for {@code scope} at the MCP server: the whole code flow with PKCE. */
    JsonObject codeFlowTokens(String scope) throws IOException, InterruptedException {
        CodeVerifier verifier = CodeVerifier.random();
        String redirectUri = "http://127.0.0.1:49152/callback";
        HttpResponse<String> consent = authorize("/authorize?" + form("response_type", "code", "client_id",
                "sample-cli", "redirect_uri", redirectUri, "code_challenge", verifier.challenge().value(),
                "code_challenge_method", "S256", "state", "st-" + System.nanoTime(), "scope", scope, "resource",
                SampleIT.MCP));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        Map<String, String> inputs = hiddenInputs(consent.body());
        HttpResponse<String> back = post("/authorize/consent", form("pending", inputs.get("pending"), "csrf",
                inputs.get("csrf"), "decision", "approve"));
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(location(back)).startsWith(redirectUri + "?");
        String code = query(location(back)).get("code");
        HttpResponse<String> tokens = post("/token", form("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "code_verifier", verifier.value(), "client_id", "sample-cli"));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return json(tokens);
    }

    /** The token endpoint's answer to a refresh by {@code sample-cli}. */
    HttpResponse<String> refresh(String refreshToken) throws IOException, InterruptedException {
        return post("/token", form("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id",
                "sample-cli"));
    }

    /**
     * Opens {@code url} and follows the server's own redirects, signing in when the form login asks. Returns the
     * first answer that is not a redirect within the server.
     */
    HttpResponse<String> authorize(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = get(url);
        for (int hop = 0; hop < 8; hop++) {
            if (r.statusCode() == 200 && r.body().contains("j_security_check")) {
                HttpResponse<String> login = post("/j_security_check", form("j_username", user, "j_password",
                        password));
                assertThat(login.statusCode()).as("login answer").isIn(302, 303);
                r = get(location(login));
            } else if ((r.statusCode() == 302 || r.statusCode() == 303) && isOwn(location(r))) {
                r = get(location(r));
            } else {
                return r;
            }
        }
        throw new AssertionError("too many redirects");
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(absolute(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(absolute(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(String... pairs) {
        StringJoiner j = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            j.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return j.toString();
    }

    static JsonObject json(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.body()).contains("json");
        return StrictJson.parseObject(r.body()).orElseThrow();
    }

    static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
    }

    /** The query parameters of a URL, decoded. */
    static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String q = URI.create(url).getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static Map<String, String> hiddenInputs(String html) {
        Map<String, String> inputs = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            inputs.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&"));
        }
        return inputs;
    }

    private static URI absolute(String url) {
        return URI.create(BASE + "/").resolve(url);
    }

    private static boolean isOwn(String location) {
        return location.startsWith("/") && !location.startsWith("//") || location.startsWith(BASE + "/");
    }
}
