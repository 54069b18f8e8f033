package dev.lanyard.spec.token;

import static dev.lanyard.spec.token.SpecExamples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.Parsed;

class IntrospectionResponseTest {

    private static Parsed<IntrospectionResponse> parse(String json) {
        return IntrospectionResponse.parse(json);
    }

    @Test
    void specExampleRfc7662Section22Active() {
        JsonObject original = json(TokenExamples.RFC7662_2_2_ACTIVE_RESPONSE);
        IntrospectionResponse r = IntrospectionResponse.parse(original).orElseThrow();
        assertThat(r.active()).isTrue();
        assertThat(r.clientId()).contains("l238j323ds-23ij4");
        assertThat(r.username()).contains("jdoe");
        assertThat(r.scope()).contains(Scope.of("read", "write", "dolphin"));
        assertThat(r.sub()).contains("Z5O3upPC88QrAjx00dis");
        assertThat(r.aud()).containsExactly("https://protected.example.net/resource");
        assertThat(r.iss()).contains("https://server.example.com/");
        assertThat(r.exp()).contains(Instant.ofEpochSecond(1419356238));
        assertThat(r.iat()).contains(Instant.ofEpochSecond(1419350238));
        assertThat(r.extensions()).containsEntry("extension_field", Json.createValue("twenty-seven"));
        assertThat(r.toJson()).isEqualTo(original);
    }

    @Test
    void specExampleRfc7662Section22Inactive() {
        JsonObject original = json(TokenExamples.RFC7662_2_2_INACTIVE_RESPONSE);
        IntrospectionResponse r = IntrospectionResponse.parse(original).orElseThrow();
        assertThat(r).isEqualTo(IntrospectionResponse.inactive());
        assertThat(r.toJson()).isEqualTo(original);
    }

    @Test
    void inactiveIsExactlyActiveFalse() {
        // RFC 7662 §2.2: SHOULD NOT include any additional information about an inactive token
        assertThat(IntrospectionResponse.inactive().toJson())
                .isEqualTo(Json.createObjectBuilder().add("active", false).build());
        assertThat(IntrospectionResponse.inactive().toJson().toString()).isEqualTo("{\"active\":false}");
    }

    @Test
    void parseWhenActiveMissingThenViolation() {
        // RFC 7662 §2.2: active REQUIRED
        Parsed<IntrospectionResponse> p = parse("{\"sub\":\"u\"}");
        assertThat(p.isValid()).isFalse();
        assertThat(p.violations().has("/active")).isTrue();
    }

    @Test
    void parseWhenActiveNotBooleanThenViolation() {
        // RFC 7662 §2.2: active is a boolean
        for (String bad : new String[] {"\"true\"", "1", "null", "\"false\"", "{}"}) {
            assertThat(parse("{\"active\":" + bad + "}").violations().has("/active")).as(bad).isTrue();
        }
    }

    @Test
    void parseWhenTimestampNotIntegerThenViolation() {
        // RFC 7662 §2.2: exp, iat, nbf are integer timestamps
        assertThat(parse("{\"active\":true,\"exp\":\"1419356238\"}").violations().has("/exp")).isTrue();
        assertThat(parse("{\"active\":true,\"iat\":1.5}").violations().has("/iat")).isTrue();
        assertThat(parse("{\"active\":true,\"nbf\":1e400}").violations().has("/nbf")).isTrue();
        assertThat(parse("{\"active\":true,\"exp\":9223372036854775807}").violations().has("/exp")).isTrue();
    }

    @Test
    void parseWhenAudIsArrayThenEveryValueAndMalformedMemberNamed() {
        IntrospectionResponse r = parse("{\"active\":true,\"aud\":[\"a\",\"b\"]}").orElseThrow();
        assertThat(r.aud()).containsExactly("a", "b");
        assertThat(IntrospectionResponse.parse(r.toJson()).orElseThrow()).isEqualTo(r);
        assertThat(parse("{\"active\":true,\"aud\":[\"a\",2]}").violations().has("/aud/1")).isTrue();
    }

    @Test
    void parseWhenInactiveWithMoreMembersThenAccepted() {
        // RFC 7662 §2.2: additional information is a SHOULD NOT, not a MUST NOT
        IntrospectionResponse r = parse("{\"active\":false,\"exp\":1}").orElseThrow();
        assertThat(r.active()).isFalse();
        assertThat(r.exp()).contains(Instant.ofEpochSecond(1));
    }

    @Test
    void toJsonWhenParsedBackThenEqual() {
        IntrospectionResponse r = new IntrospectionResponse(true, Optional.of(Scope.of("items:read")),
                Optional.of("c1"), Optional.of("alice"), Optional.of("Bearer"), Optional.of(Instant.ofEpochSecond(200)),
                Optional.of(Instant.ofEpochSecond(100)), Optional.of(Instant.ofEpochSecond(100)),
                Optional.of("u-alice"),
                List.of("https://rs.example.test/api"), Optional.of("https://as.example.test"), Optional.of("j1"),
                Map.of("cnf", Json.createObjectBuilder().add("jkt", "abc").build()));
        assertThat(IntrospectionResponse.parse(r.toJson()).orElseThrow()).isEqualTo(r);
    }

    @Test
    void constructorWhenInvariantBrokenThenIllegalArgument() {
        assertThatThrownBy(() -> new IntrospectionResponse(true, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(Instant.ofEpochSecond(1, 5)), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IntrospectionResponse(true, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Map.of("active", Json.createValue("x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
