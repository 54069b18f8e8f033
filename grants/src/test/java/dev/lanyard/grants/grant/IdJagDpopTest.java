package dev.lanyard.grants.grant;

import static dev.lanyard.grants.testing.CrossAppAccess.AGENT_SECRET;
import static dev.lanyard.grants.testing.CrossAppAccess.AS;
import static dev.lanyard.grants.testing.CrossAppAccess.AS_TOKEN;
import static dev.lanyard.grants.testing.CrossAppAccess.IDP_TOKEN;
import static dev.lanyard.grants.testing.CrossAppAccess.RS;
import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.dpop.DpopKey;
import dev.lanyard.grants.idjag.IdJagClientException;
import dev.lanyard.grants.testing.CrossAppAccess;
import dev.lanyard.spec.claims.IdJagClaims;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.JwtBearerGrant;
import dev.lanyard.spec.token.TokenExchangeGrant;

/** DPoP with Cross App Access ({@code draft-ietf-oauth-identity-assertion-authz-grant-03} §8.6; RFC 9449). */
class IdJagDpopTest {

    private final CrossAppAccess x = new CrossAppAccess();
    private final DpopKey key = DpopKey.generate(x.clock);
    private final DpopKey otherKey = DpopKey.generate(x.clock);
    private final String idToken = x.idp.signIn("agent", AGENT_SECRET).idToken().orElseThrow();

    /** The IdP's exchange of the agent's ID token, with these DPoP headers. */
    private AccessTokenResponse exchange(List<String> proofs) {
        return x.idp.token("agent", AGENT_SECRET, TokenExchangeGrant.forIdJag(AS, List.of(RS), Optional.of(
                Scope.of("items:read")), idToken, TokenTypeUri.ID_TOKEN).toForm(), proofs);
    }

    private IdJagClaims claims(String idJag) {
        return IdJagClaims.parse(x.idp.keys.verify(idJag).orElseThrow().payload()).orElseThrow();
    }

    /** The resource authorization server's JWT bearer grant, with these DPoP headers. */
    private AccessTokenResponse redeem(String idJag, List<String> proofs) {
        return x.ras.handler().handle(new JwtBearerGrant(idJag, Optional.empty(), List.of()),
                x.ras.client("agent-at-as"), new TokenRequestContext(proofs));
    }

    @Test
    void idpWhenValidProofThenIdJagBoundToItsKeyAndWithoutProofUnbound() {
        // §8.6: the IdP MUST validate the proof and put cnf.jkt (RFC 7638 thumbprint) in the ID-JAG
        IdJagClaims bound = claims(exchange(List.of(key.proof("POST", IDP_TOKEN))).accessToken());
        assertThat(bound.cnf()).hasValueSatisfying(cnf -> assertThat(cnf.getString("jkt"))
                .isEqualTo(key.thumbprint()));
        // a proof-less exchange gets no cnf
        assertThat(claims(exchange(List.of()).accessToken()).cnf()).isEmpty();
    }

    @Test
    void idpWhenInvalidProofThenInvalidDpopProofAndNoIdJag() {
        // RFC 9449 §4.3: htu is the IdP's token endpoint, htm POST, one header, one use
        assertError(() -> exchange(List.of(key.proof("POST", AS_TOKEN))), OAuthError.INVALID_DPOP_PROOF);
        assertError(() -> exchange(List.of(key.proof("GET", IDP_TOKEN))), OAuthError.INVALID_DPOP_PROOF);
        assertError(() -> exchange(List.of(key.proof("POST", IDP_TOKEN), key.proof("POST", IDP_TOKEN))),
                OAuthError.INVALID_DPOP_PROOF);
        String proof = key.proof("POST", IDP_TOKEN);
        exchange(List.of(proof));
        assertError(() -> exchange(List.of(proof)), OAuthError.INVALID_DPOP_PROOF);
    }

    @Test
    void rasWhenCnfAndProofOfThatKeyThenAccessToken() {
        // §8.6 RAS, cnf + proof: validate the proof, compare thumbprints exactly
        String idJag = exchange(List.of(key.proof("POST", IDP_TOKEN))).accessToken();
        AccessTokenResponse r = redeem(idJag, List.of(key.proof("POST", AS_TOKEN)));
        // issuing a DPoP-bound token is a MAY: this server issues Bearer tokens
        assertThat(r.isBearer()).isTrue();
        assertThat(r.accessToken()).isNotEmpty();
    }

    @Test
    void rasWhenCnfAndProofOfAnotherKeyThenInvalidGrant() {
        // §8.6: a thumbprint mismatch MUST fail with invalid_grant
        String idJag = exchange(List.of(key.proof("POST", IDP_TOKEN))).accessToken();
        OAuthException e = assertError(() -> redeem(idJag, List.of(otherKey.proof("POST", AS_TOKEN))),
                OAuthError.INVALID_GRANT);
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("cnf"));
        // the ID-JAG was not consumed: its holder can still redeem it with the right key
        assertThat(redeem(idJag, List.of(key.proof("POST", AS_TOKEN))).isBearer()).isTrue();
    }

    @Test
    void rasWhenCnfWithoutProofThenInvalidGrant() {
        // §8.6: cnf without a proof MUST be rejected with invalid_grant
        String idJag = exchange(List.of(key.proof("POST", IDP_TOKEN))).accessToken();
        OAuthException e = assertError(() -> redeem(idJag, List.of()), OAuthError.INVALID_GRANT);
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("DPoP proof"));
    }

    @Test
    void rasWhenNoCnfAndProofThenProofValidated() {
        // §8.6: without cnf, a proof sent MUST still be validated; valid: a token; invalid: invalid_dpop_proof
        String idJag = exchange(List.of()).accessToken();
        assertError(() -> redeem(idJag, List.of(key.proof("POST", IDP_TOKEN))), OAuthError.INVALID_DPOP_PROOF);
        assertError(() -> redeem(idJag, List.of("not-a-proof")), OAuthError.INVALID_DPOP_PROOF);
        // the refused requests did not consume the ID-JAG
        assertThat(redeem(idJag, List.of(key.proof("POST", AS_TOKEN))).isBearer()).isTrue();
    }

    @Test
    void rasWhenNeitherCnfNorProofThenBearerToken() {
        // §8.6: neither: the server MAY issue a Bearer token
        String idJag = exchange(List.of()).accessToken();
        assertThat(redeem(idJag, List.of()).isBearer()).isTrue();
    }

    @Test
    void clientWithDpopThenBothLegsCarryProofsAndTheIdJagIsBound() {
        // the client-side helper sends a proof on both legs; the IdP binds, the RAS checks the same key
        AccessTokenResponse r = x.client().withDpop(key).accessToken(AS, List.of(RS), Optional.empty(), idToken,
                TokenTypeUri.ID_TOKEN);
        assertThat(r.isBearer()).isTrue();
        AccessTokenResponse idJag = x.client().withDpop(key).requestIdJag(AS, List.of(RS), Optional.empty(),
                x.idp.signIn("agent", AGENT_SECRET).idToken().orElseThrow(), TokenTypeUri.ID_TOKEN);
        assertThat(claims(idJag.accessToken()).cnf()).hasValueSatisfying(cnf -> assertThat(cnf.getString("jkt"))
                .isEqualTo(key.thumbprint()));
        // presented without the key, the bound ID-JAG is refused by the RAS
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> x.client().redeem(idJag.accessToken(), List.of(),
                Optional.empty())).isInstanceOfSatisfying(IdJagClientException.class, e -> assertThat(
                        e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("invalid_grant")));
    }
}
