package dev.lanyard.spec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.testing.Mutations;

class AuthorizationDetailsTest {

    // RFC 9396 §2, Figure 1 (the payment initiation example), compacted
    private static final String RFC9396_FIGURE_1 = "[{\"type\":\"payment_initiation\",\"locations\":"
            + "[\"https://example.com/payments\"],\"instructedAmount\":{\"currency\":\"EUR\",\"amount\":\"123.50\"},"
            + "\"creditorName\":\"Merchant A\",\"creditorAccount\":{\"bic\":\"ABCIDEFFXXX\","
            + "\"iban\":\"DE02100100109307118603\"},\"remittanceInformationUnstructured\":\"Ref Number Merchant\"}]";
    // RFC 9396 §2.2: every common field
    private static final String COMMON_FIELDS = "[{\"type\":\"customer_information\",\"locations\":"
            + "[\"https://example.com/customers\"],\"actions\":[\"read\",\"write\"],\"datatypes\":[\"contacts\","
            + "\"photos\"],\"identifier\":\"c-42\",\"privileges\":[\"admin\"]},{\"type\":\"files\"}]";

    private static void assertMalformed(String text) {
        assertThatThrownBy(() -> AuthorizationDetails.parse(text)).as(text)
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    // RFC 9396 §5: invalid_authorization_details, status 400
                    assertThat(e.error().is(OAuthError.INVALID_AUTHORIZATION_DETAILS)).isTrue();
                    assertThat(e.error().httpStatus()).isEqualTo(400);
                    assertThat(e.error().description()).hasValueSatisfying(
                            d -> assertThat(d).startsWith("Malformed authorization_details"));
                });
    }

    @Test
    void parseWhenSpecExampleThenTypeAndOtherMembersKeptAsTheyAre() {
        AuthorizationDetails d = AuthorizationDetails.parse(RFC9396_FIGURE_1);
        assertThat(d.entries()).hasSize(1);
        AuthorizationDetail payment = d.entries().get(0);
        assertThat(payment.type()).isEqualTo("payment_initiation");
        assertThat(payment.locations()).containsExactly("https://example.com/payments");
        assertThat(payment.actions()).isEmpty();
        assertThat(payment.identifier()).isEmpty();
        assertThat(payment.json().getJsonObject("instructedAmount").getString("amount")).isEqualTo("123.50");
        assertThat(payment.json().getString("creditorName")).isEqualTo("Merchant A");
        assertThat(AuthorizationDetails.parse(d.toString())).isEqualTo(d);
    }

    @Test
    void parseWhenCommonFieldsThenEachReadable() {
        AuthorizationDetails d = AuthorizationDetails.parse(COMMON_FIELDS);
        AuthorizationDetail c = d.entries().get(0);
        assertThat(c.actions()).containsExactly("read", "write");
        assertThat(c.datatypes()).containsExactly("contacts", "photos");
        assertThat(c.identifier()).contains("c-42");
        assertThat(c.privileges()).containsExactly("admin");
        assertThat(d.types()).containsExactly("customer_information", "files");
        assertThat(d.ofTypes(List.of("files")).entries()).containsExactly(AuthorizationDetail.ofType("files"));
        assertThat(d.containsAll(AuthorizationDetails.of(AuthorizationDetail.ofType("files")))).isTrue();
        assertThat(d.containsAll(AuthorizationDetails.of(AuthorizationDetail.ofType("photos")))).isFalse();
    }

    @Test
    void parseWhenNotAStrictJsonArrayOfObjectsThenInvalidAuthorizationDetails() {
        for (String bad : List.of("{\"type\":\"a\"}", "\"a\"", "[", "[{\"type\":\"a\"}] x", "[1]", "[[]]",
                "[{\"type\":\"a\",\"type\":\"b\"}]", "[{'type':'a'}]", "[{\"type\":\"a\"},]", "null")) {
            assertMalformed(bad);
        }
    }

    @Test
    void parseWhenTypeMissingOrNotAStringThenInvalidAuthorizationDetails() {
        // RFC 9396 §2: type is REQUIRED, a string
        for (String bad : List.of("[{}]", "[{\"actions\":[\"read\"]}]", "[{\"type\":1}]", "[{\"type\":null}]",
                "[{\"type\":[\"a\"]}]", "[{\"type\":\"\"}]", "[{\"type\":\"a\"},{\"identifier\":\"x\"}]")) {
            assertMalformed(bad);
        }
    }

    @Test
    void parseWhenCommonFieldHasTheWrongTypeThenInvalidAuthorizationDetails() {
        // RFC 9396 §2.2: locations, actions, datatypes, privileges are arrays of strings; identifier a string
        for (String bad : List.of("[{\"type\":\"a\",\"locations\":\"https://rs/\"}]",
                "[{\"type\":\"a\",\"actions\":[1]}]", "[{\"type\":\"a\",\"datatypes\":{}}]",
                "[{\"type\":\"a\",\"identifier\":[\"x\"]}]", "[{\"type\":\"a\",\"privileges\":[null]}]")) {
            assertMalformed(bad);
        }
    }

    @Test
    void parseWhenTooLongThenInvalidRequestAndWhenTooManyThenInvalidAuthorizationDetails() {
        // INP-03: bounded, refused rather than truncated
        String big = "[{\"type\":\"" + "a".repeat(AuthorizationDetails.MAX_LENGTH) + "\"}]";
        assertThatThrownBy(() -> AuthorizationDetails.parse(big)).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.error().is(OAuthError.INVALID_REQUEST)).isTrue());
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= AuthorizationDetails.MAX_ENTRIES; i++) {
            many.add("{\"type\":\"t" + i + "\"}");
        }
        assertMalformed("[" + String.join(",", many) + "]");
        String deep = "[{\"type\":\"a\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}]";
        assertMalformed(deep);
    }

    @Test
    void parseOptionalWhenAbsentOrEmptyArrayThenAbsent() {
        assertThat(AuthorizationDetails.parseOptional(Optional.empty())).isEmpty();
        assertThat(AuthorizationDetails.parseOptional(Optional.of("[]"))).isEmpty();
        assertThat(AuthorizationDetails.parseOptional(Optional.of("[{\"type\":\"a\"}]"))).isPresent();
    }

    @Test
    void fromJsonWhenNotAnArrayOfDetailsThenViolationNeverException() {
        assertThat(AuthorizationDetails.fromJson(JsonValue.NULL).isValid()).isFalse();
        assertThat(AuthorizationDetails.fromJson(JsonValue.EMPTY_JSON_OBJECT).isValid()).isFalse();
        assertThat(AuthorizationDetails.fromJson(AuthorizationDetails.parse(COMMON_FIELDS).toJson()).isValid())
                .isTrue();
    }

    @Test
    void constructorWhenDetailMalformedThenIllegalArgument() {
        assertThatThrownBy(() -> new AuthorizationDetail(JsonValue.EMPTY_JSON_OBJECT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 9396");
    }

    @Test
    void parseWhenTenThousandMutatedInputsThenOnlyOAuthExceptionAndReadsBackItsOwnText() {
        int accepted = Mutations.assertOnlyDocumentedFailures(
                Mutations.of(9396, 10_000, List.of(RFC9396_FIGURE_1, COMMON_FIELDS, "[{\"type\":\"a\"}]")), s -> {
                    AuthorizationDetails d = AuthorizationDetails.parse(s);
                    assertThat(AuthorizationDetails.parse(d.toString())).isEqualTo(d);
                }, OAuthException.class);
        assertThat(accepted).isGreaterThan(500);
    }
}
