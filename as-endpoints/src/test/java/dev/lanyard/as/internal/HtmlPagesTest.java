package dev.lanyard.as.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.OAuthError;

class HtmlPagesTest {

    final HtmlPages pages = new HtmlPages("/authorize/assets/style.css");

    static HtmlPages.ConsentView view(String name, String clientId, String redirectUri) {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("items:read", "Read your <items>");
        return new HtmlPages.ConsentView(name, clientId, redirectUri, scopes, List.of("https://rs.example.test/api"),
                "/authorize/consent", "pending\"id", "csrf'token", List.of());
    }

    @Test
    void escapeReplacesEveryMarkupCharacter() {
        assertThat(HtmlPages.escape("<a href=\"x\" onclick='y'>&amp;</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    }

    @Test
    void consentPageShowsTheClientAndTheHostsProminentlyAndEscapesEveryValue() {
        // OAuth 2.1 §7.9: the host of a URL client_id and of the redirect URI, not only the name the client chose
        String html = pages.consent(view("<script>alert(1)</script>", "https://client.example.org/app.json",
                "https://callback.example.net:8443/cb?x=%3Cy%3E"));
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<dd class=\"host\">client.example.org</dd>")
                .contains("<dd class=\"host\">callback.example.net:8443</dd>")
                .contains("the name the application gives itself")
                .contains("Read your &lt;items&gt;").contains("<code>items:read</code>")
                .contains("value=\"pending&quot;id\"").contains("value=\"csrf&#39;token\"")
                .contains("action=\"/authorize/consent\"")
                .contains("href=\"/authorize/assets/style.css\"")
                .doesNotContain("style=").doesNotContain("<iframe");
    }

    @Test
    void consentPageOfAPlainClientIdShowsTheIdAndThePrivateUseScheme() {
        String html = pages.consent(view("pub1", "pub1", "com.example.app:/cb"));
        assertThat(html).contains("<dd class=\"host\">pub1</dd>").contains("<dd class=\"host\">com.example.app:</dd>")
                .doesNotContain("the name the application gives itself");
    }

    @Test
    void errorPageShowsCodeAndDescriptionEscaped() {
        String html = pages.error(OAuthError.INVALID_REQUEST.withDescription("Parameter redirect_uri <bad>"));
        assertThat(html).contains("<code>invalid_request</code>").contains("Parameter redirect_uri &lt;bad&gt;")
                .contains("You have not been redirected");
    }

    @Test
    void withdrawPageCarriesTheClientAndTheToken() {
        String html = pages.withdrawConfirm("App \"X\"", "pub1", "/authorize/consent/withdraw", "123.abc");
        assertThat(html).contains("App &quot;X&quot;").contains("name=\"client_id\" value=\"pub1\"")
                .contains("name=\"csrf\" value=\"123.abc\"").contains("method=\"post\"");
    }

    @Test
    void hostOfUris() {
        assertThat(HtmlPages.host("https://a.example/x")).isEqualTo("a.example");
        assertThat(HtmlPages.host("http://127.0.0.1:5000/cb")).isEqualTo("127.0.0.1:5000");
        assertThat(HtmlPages.host("not a uri")).isEqualTo("not a uri");
    }

    @Test
    void consentPageWhenTheClientHasWarningsThenShowsThemEscaped() {
        // MCP security considerations: a CIMD client with a loopback redirect URI is flagged on the consent page
        HtmlPages.ConsentView v = view("App", "https://client.example.org/app.json", "http://127.0.0.1/cb");
        String html = pages.consent(new HtmlPages.ConsentView(v.clientName(), v.clientId(), v.redirectUri(),
                v.scopes(), v.resources(), v.action(), v.pendingId(), v.csrfToken(), List.of("Beware <b>")));
        assertThat(html).contains("<p class=\"warning\"><strong>Caution:</strong> Beware &lt;b&gt;</p>");
        assertThat(pages.consent(v)).doesNotContain("class=\"warning\"");
    }
}
