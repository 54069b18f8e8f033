package dev.lanyard.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The authorization server's state is in the database the server is configured with ({@code lanyard.db}): the H2
 * file under the server's directory by default, or PostgreSQL, where the published signing keys are the rows of
 * {@code lanyard_signing_key}.
 */
class DatabaseIT {

    @Test
    void signingKeysAreInTheConfiguredDatabase() throws Exception {
        UserAgent agent = new UserAgent("alice", "alice-password");
        JsonObject metadata = UserAgent.json(agent.get("/.well-known/oauth-authorization-server"));
        Set<String> published = new HashSet<>();
        UserAgent.json(agent.get(metadata.getString("jwks_uri"))).getJsonArray("keys")
                .getValuesAs(JsonObject.class).forEach(k -> published.add(k.getString("kid")));
        assertThat(published).isNotEmpty();

        String db = System.getProperty("lanyard.db", "h2");
        if (db.equals("postgres")) {
            String password = Objects.requireNonNullElse(System.getenv("LANYARD_PG_PASSWORD"), "");
            try (Connection c = DriverManager.getConnection(System.getProperty("lanyard.pg.url"),
                    System.getProperty("lanyard.pg.user"), password);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT kid FROM lanyard_signing_key")) {
                Set<String> stored = new HashSet<>();
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
                assertThat(stored).containsAll(published);
            }
        } else {
            assertThat(db).isEqualTo("h2");
            // the server holds the embedded database open; its file is where server.xml puts it
            Path file = Path.of(System.getProperty("lanyard.sample.wlp", "target/liberty/wlp"), "usr", "servers",
                    "lanyard-sample", "data", "lanyard.mv.db");
            assertThat(file).isRegularFile();
            assertThat(Files.size(file)).isPositive();
        }
    }
}
