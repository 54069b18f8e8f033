package dev.lanyard.as.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;

import dev.lanyard.as.AuthorizationServerSettings;
import dev.lanyard.as.consent.ConsentPolicy;
import dev.lanyard.as.consent.ConsentRequest;
import dev.lanyard.as.consent.PendingConsent;
import dev.lanyard.as.consent.PendingConsentStore;
import dev.lanyard.as.servlet.SignInServlet;
import dev.lanyard.grants.client.ClientRegistry;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.grant.AuthorizationCodeService;
import dev.lanyard.grants.store.AuthorizationCodeBinding;
import dev.lanyard.grants.store.Consent;
import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.StoreCapacityException;
import dev.lanyard.spec.authz.AuthorizationRequest;
import dev.lanyard.spec.authz.AuthorizationResponse;
import dev.lanyard.spec.authz.RedirectUri;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * The authorization endpoint's steps, in the order that decides whether an error may be redirected (OAuth 2.1
 * §4.1.2.1):
 * <ol>
 *   <li>{@link #validate}: {@code client_id}, the client, the redirect URI. Errors are {@link OAuthException}s the
 *       exception mapper renders as a page (400, no {@code Location}): AZ-10, RU cases.</li>
 *   <li>the user is authenticated by the container: {@link #signIn} sends the browser to the sign-in servlet, which
 *       hands it to the application's authentication mechanism and back (before that, only {@code prompt=none} is
 *       redirected, with {@code login_required});</li>
 *   <li>{@link #authorize}: the whole request, PKCE S256 (required), resources, scope, consent. Errors redirect to the
 *       validated redirect URI with {@code error}, {@code state} and {@code iss} (AZ-11, RFC 9207).</li>
 *   <li>{@link #answer}: the consent page's answer; the code is issued and the user redirected with {@code code},
 *       {@code state} and {@code iss}.</li>
 * </ol>
 */
public final class AuthorizationFlow {

    static final SpecRef CONSENT = SpecRef.draft(Specs.OAUTH21, "7.9");
    private static final Logger LOG = Logger.getLogger(AuthorizationFlow.class.getName());

    private final AuthorizationServerSettings settings;
    private final ClientRegistry clients;
    private final ConsentStore consents;
    private final PendingConsentStore pending;
    private final ConsentPolicy policy;
    private final AuthorizationCodeService codes;
    private final HtmlPages pages;
    private final Clock clock;
    private final Targets targets;
    private final Function<RegisteredClient, List<String>> warnings;

    AuthorizationFlow(AuthorizationServerSettings settings, ClientRegistry clients, ConsentStore consents,
            PendingConsentStore pending, ConsentPolicy policy, AuthorizationCodeService codes, HtmlPages pages,
            Function<RegisteredClient, List<String>> warnings, Clock clock) {
        this.settings = settings;
        this.clients = clients;
        this.consents = consents;
        this.pending = pending;
        this.policy = policy;
        this.codes = codes;
        this.pages = pages;
        this.clock = clock;
        this.targets = new Targets(settings);
        this.warnings = warnings;
    }

    /**
     * Where errors of a request may go once its client and redirect URI are validated.
     *
     * @param client      the client
     * @param state       the request's {@code state}, echoed in every response
     * @param redirectUri the validated redirect URI
     */
    public record Target(RegisteredClient client, Optional<String> state, String redirectUri) {
    }

    /**
     * Reads {@code client_id}, {@code redirect_uri} and {@code state}, finds the client and matches the redirect URI.
     *
     * @throws OAuthException never to be redirected: a page
     */
    public Target validate(FormParameters form) {
        AuthorizationRequest.Front front = AuthorizationRequest.front(form);
        RegisteredClient client = clients.find(front.clientId()).orElseThrow(() -> OAuthException.of(
                OAuthError.INVALID_CLIENT, "Unknown client", Specs.OAUTH21_AUTHORIZATION_REQUEST));
        // OAuth 2.1 §4.1.2.1, RU-02, RU-07: exact match (loopback port excepted), never a fallback
        String redirectUri = RedirectUri.select(client.redirectUris(), front.redirectUri());
        return new Target(client, front.state(), redirectUri);
    }

    /** A request with {@code prompt=none} and no signed-in user: the {@code login_required} redirect. */
    public Optional<Response> loginRequired(Target target, FormParameters form, boolean post) {
        try {
            Optional<String> prompt = AuthorizationRequest.parse(form).prompt();
            if (prompt.map(p -> List.of(p.split(" ")).contains("none")).orElse(false)) {
                return Optional.of(error(target.state(), target.redirectUri(), OAuthException.of(
                        OAuthError.LOGIN_REQUIRED, "The user is not signed in", CONSENT), post));
            }
        } catch (OAuthException e) {
            // the error is redirected once the user is authenticated (RFC 9700 §4.11.2: no unauthenticated redirect)
            LOG.log(Level.FINE, "authorization request refused after login: {0}", e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Sends a browser without a signed-in user to the sign-in servlet, which lets the container authenticate the user
     * and then returns to {@code continuePath}: a 302 after a GET, a 303 after a POST (whose parameters travel in the
     * continuation's query, like a GET authorization request's).
     *
     * @param continuePath the path and query to come back to, under {@link #authorizationPath()}
     * @param contextPath  the application's context path, where the servlet is
     */
    public Response signIn(String continuePath, String contextPath, boolean post) {
        return Pages.redirect(origin() + contextPath + SignInServlet.PATH + "?continue="
                + URLEncoder.encode(continuePath, StandardCharsets.UTF_8), post);
    }

    /** The path of the authorization endpoint, from the issuer (never from the request). */
    public String authorizationPath() {
        return settings.endpoint("/authorize").getRawPath();
    }

    /**
     * Whether {@code path} may be returned to after sign-in: a path and query of the authorization endpoint or the
     * consent withdrawal page, nothing that could lead elsewhere (no open redirect).
     */
    public boolean isContinuation(String path) {
        if (path == null || path.length() > FormParameters.MAX_ENCODED_LENGTH) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '\\' || c == '#') {
                return false;
            }
        }
        URI uri;
        try {
            uri = new URI(path);
        } catch (URISyntaxException e) {
            return false;
        }
        String authorize = authorizationPath();
        return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawQuery() != null
                && uri.getRawFragment() == null && path.startsWith(uri.getRawPath() + "?")
                && (uri.getRawPath().equals(authorize) || uri.getRawPath().equals(authorize + "/consent/withdraw"));
    }

    /** The absolute URL of a continuation path, on the issuer's origin. */
    public String continuationUrl(String path) {
        return origin() + path;
    }

    // scheme, host and port of the issuer
    private String origin() {
        URI issuer = URI.create(settings.issuer());
        return issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    /** The request of a signed-in user: a redirect with a code or an error, or the consent page. */
    public Response authorize(Target target, FormParameters form, String subject, boolean post) {
        try {
            AuthorizationRequest request = AuthorizationRequest.parse(form);
            RegisteredClient client = target.client();
            if (request.codeChallenge().isEmpty()) {
                // OAuth 2.1 §4.1.1 and MCP: PKCE is required of every client (AZ-12)
                throw OAuthException.invalidRequest("Missing parameter code_challenge", Specs.RFC7636_CHALLENGE);
            }
            if (!client.allows(GrantType.AUTHORIZATION_CODE)) {
                throw OAuthException.of(OAuthError.UNAUTHORIZED_CLIENT,
                        "The client may not use the authorization code grant", Specs.OAUTH21_AUTHORIZATION_ERROR);
            }
            List<ResourceIndicator> resources = targets.resources(request);
            Scope scope = targets.scope(request.scope(), client, resources);
            ConsentRequest asked = new ConsentRequest(client, subject, target.redirectUri(), scope, resources,
                    request.prompt());
            if (!policy.mustAsk(asked, consents.find(subject, client.clientId()))) {
                return issue(client, request, target.redirectUri(), scope, resources, subject, post);
            }
            if (asked.prompts("none")) {
                throw OAuthException.of(OAuthError.CONSENT_REQUIRED, "The user must consent", CONSENT);
            }
            PendingConsent p = new PendingConsent(Randoms.token(), Randoms.token(), subject, request,
                    target.redirectUri(), scope, resources, clock.instant().plus(settings.consentTtl()));
            pending.save(p);
            return Pages.consentPage(pages.consent(view(client, p)), p.redirectUri());
        } catch (RuntimeException e) {
            return error(target.state(), target.redirectUri(), e, post);
        }
    }

    /**
     * The answer of the consent page: once, by the user it was shown to, with its CSRF token.
     *
     * @throws OAuthException a page, when the answer cannot be trusted (expired, replayed, forged)
     */
    public Response answer(FormParameters form, Optional<String> caller) {
        String id = form.require("pending", CONSENT);
        String csrf = form.require("csrf", CONSENT);
        Optional<String> decision = form.get("decision");
        PendingConsent p = pending.take(id, clock.instant()).orElseThrow(() -> OAuthException.invalidRequest(
                "The consent page expired or was already answered", CONSENT));
        if (caller.isEmpty() || !caller.get().equals(p.subject()) || !p.csrfMatches(csrf)) {
            throw OAuthException.invalidRequest("The consent answer is not valid", CONSENT);
        }
        Optional<RegisteredClient> client = clients.find(p.request().clientId());
        if (client.isEmpty()) {
            throw OAuthException.of(OAuthError.INVALID_CLIENT, "Unknown client", CONSENT);
        }
        try {
            if (!decision.map("approve"::equals).orElse(false)) {
                throw OAuthException.of(OAuthError.ACCESS_DENIED, "The user denied the request",
                        Specs.OAUTH21_AUTHORIZATION_ERROR);
            }
            return issue(client.get(), p.request(), p.redirectUri(), p.scope(), p.resources(), p.subject(), true);
        } catch (RuntimeException e) {
            return error(p.request().state(), p.redirectUri(), e, true);
        }
    }

    private Response issue(RegisteredClient client, AuthorizationRequest request, String redirectUri, Scope scope,
            List<ResourceIndicator> resources, String subject, boolean post) {
        String code = codes.issue(client, new AuthorizationCodeBinding(client.clientId(), redirectUri,
                request.codeChallenge(), request.codeChallengeMethod(), resources, scope, subject, Optional.empty(),
                request.nonce()));
        remember(subject, client.clientId(), scope, resources);
        // OAuth 2.1 §4.1.2, RFC 9207 §2: code, state as received, iss
        return Pages.redirect(new AuthorizationResponse.Success(code, request.state(), Optional.of(settings.issuer()))
                .toRedirectUri(redirectUri), post);
    }

    // the grants module requires a standing consent for refresh: keep one that covers what was granted
    private void remember(String subject, String clientId, Scope scope, List<ResourceIndicator> resources) {
        Optional<Consent> stored = consents.find(subject, clientId);
        if (stored.filter(c -> c.covers(scope, resources)).isPresent()) {
            return;
        }
        List<String> tokens = new ArrayList<>(stored.map(c -> c.scope().tokens()).orElse(List.of()));
        tokens.addAll(scope.tokens());
        List<ResourceIndicator> all = new ArrayList<>(stored.map(Consent::resources).orElse(List.of()));
        resources.stream().filter(r -> !all.contains(r)).forEach(all::add);
        consents.save(new Consent(subject, clientId, Scope.of(tokens), all, clock.instant()));
    }

    private HtmlPages.ConsentView view(RegisteredClient client, PendingConsent p) {
        Map<String, String> scopes = new LinkedHashMap<>();
        p.scope().tokens().forEach(t -> scopes.put(t, settings.scopeDescriptions().getOrDefault(t, t)));
        return new HtmlPages.ConsentView(client.clientName().orElse(client.clientId()), client.clientId(),
                p.redirectUri(), scopes, p.resources().stream().map(ResourceIndicator::value).toList(),
                settings.endpoint("/authorize/consent").getRawPath(), p.id(), p.csrfToken(), warnings.apply(client));
    }

    /** The error redirect: the error, {@code state} as received, {@code iss} (OAuth 2.1 §4.1.2.1; RFC 9207). */
    Response error(Optional<String> state, String redirectUri, RuntimeException failure, boolean post) {
        OAuthError error;
        if (failure instanceof OAuthException e) {
            error = e.error();
            LOG.log(Level.FINE, "authorization request refused: {0}", e.getMessage());
        } else if (failure instanceof StoreCapacityException) {
            LOG.log(Level.WARNING, "authorization request refused: {0}", failure.getMessage());
            error = OAuthError.TEMPORARILY_UNAVAILABLE.withDescription("The server is busy; try again later");
        } else {
            LOG.log(Level.SEVERE, "authorization request failed", failure);
            error = OAuthError.SERVER_ERROR.withDescription("The server could not process the request");
        }
        return Pages.redirect(new AuthorizationResponse.Error(error, state, Optional.of(settings.issuer()))
                .toRedirectUri(redirectUri), post);
    }
}
