package dev.lanyard.spec.token;

import static dev.lanyard.spec.token.SpecExamples.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;

class ExtensionGrantTest {

    @Test
    void specExampleRfc6749Section45() {
        FormParameters form = form(TokenExamples.RFC6749_4_5_SAML_EXTENSION_REQUEST);
        TokenRequest parsed = TokenRequest.parse(form);
        assertThat(parsed).isEqualTo(new ExtensionGrant(new GrantType("urn:ietf:params:oauth:grant-type:saml2-bearer"),
                FormParameters.builder().add("assertion", "PEFzc2VydGlvbiBJc3N1ZUluc3RhbnQ9IjIwMTEtMDU"
                        + "[...omitted for brevity...]aG5TdGF0ZW1lbnQ-PC9Bc3NlcnRpb24-").build()));
        assertThat(parsed.toForm()).isEqualTo(form);
    }

    @Test
    void parseKeepsParametersButNotClientCredentialsNorEmptyValues() {
        FormParameters form = FormParameters.parse("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code"
                + "&device_code=GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS&client_id=1406020730&client_secret=s"
                + "&client_assertion=x&client_assertion_type=y&empty=&x=1&x=2");
        ExtensionGrant g = (ExtensionGrant) TokenRequest.parse(form);
        assertThat(g.grantType()).isEqualTo(GrantType.DEVICE_CODE);
        assertThat(g.parameters().names()).containsExactly("device_code", "client_id", "x");
        assertThat(g.parameters().getAll("x")).containsExactly("1", "2");
        assertThat(TokenRequest.parse(g.toForm())).isEqualTo(g);
    }

    @Test
    void isExtensionGrantTypeOnlyForAbsoluteUrisWithoutTheirOwnRecord() {
        // RFC 6749 §4.5: an extension grant_type is an absolute URI
        assertThat(ExtensionGrant.isExtensionGrantType("urn:x:unknown")).isTrue();
        assertThat(ExtensionGrant.isExtensionGrantType("https://grants.example/custom")).isTrue();
        for (String no : List.of("password", "Authorization_Code", "/relative", "https://g.example/#frag",
                GrantType.TOKEN_EXCHANGE.value(), GrantType.JWT_BEARER.value(), "")) {
            assertThat(ExtensionGrant.isExtensionGrantType(no)).as(no).isFalse();
        }
    }

    @Test
    void constructorWhenNotAnExtensionOrHoldingCredentialsThenIllegalArgument() {
        assertThatThrownBy(() -> new ExtensionGrant(GrantType.AUTHORIZATION_CODE, FormParameters.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtensionGrant(GrantType.JWT_BEARER, FormParameters.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtensionGrant(GrantType.DEVICE_CODE,
                FormParameters.builder().add("client_secret", "s").build()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
