package dev.lanyard.as.it;

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

/**
 * A user agent for the tests: keeps cookies, never follows redirects by itself (the tests look at every hop), and
 * signs in through the test application's form login.
 */
final class Browser {

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    static String form(String... pairs) {
        StringJoiner j = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            j.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return j.toString();
    }

    static String absolute(String location) {
        return URI.create(TestDeployment.BASE + "/").resolve(location).toString();
    }

    HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(absolute(url))).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(absolute(url)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Opens {@code authorizeUrl} and follows the server's own redirects (to the sign-in servlet, back to the
     * authorization endpoint); when the form login asks, signs in as alice. Returns the first answer that is not a
     * redirect within the server: the consent page, an error page, or the redirect to the client.
     */
    HttpResponse<String> authorize(String authorizeUrl) throws IOException, InterruptedException {
        HttpResponse<String> r = get(authorizeUrl);
        for (int hop = 0; hop < 8; hop++) {
            if (isLogin(r)) {
                if (r.statusCode() == 302) {
                    assertThat(get(location(r)).statusCode()).isEqualTo(200);
                }
                HttpResponse<String> login = post("/j_security_check",
                        form("j_username", DemoIdentityStore.USER, "j_password", DemoIdentityStore.PASSWORD));
                // the redirect after the posted login is 302 or 303, never 307 or 308 (no credentials replayed)
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

    private static boolean isOwn(String location) {
        return location.startsWith("/") && !location.startsWith("//")
                || location.startsWith(TestDeployment.BASE + "/");
    }

    private static boolean isLogin(HttpResponse<String> r) {
        return r.statusCode() == 302 && location(r).contains("/login")
                || r.statusCode() == 200 && r.body().contains("j_security_check");
    }

    /** A response header's value, empty when absent. */
    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
    }

    /** The hidden inputs of a page, name to value (HTML character references decoded). */
    static Map<String, String> hiddenInputs(String html) {
        Map<String, String> inputs = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            inputs.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&"));
        }
        return inputs;
    }

    /** The query parameters of a URL, decoded; a repeated one keeps its last value. */
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
}
