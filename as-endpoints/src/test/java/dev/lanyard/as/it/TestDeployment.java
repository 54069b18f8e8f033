package dev.lanyard.as.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.lanyard.grants.client.ClientSecrets;

/**
 * The test application: the authorization server of the attack catalogue's fixtures on a real Open Liberty, at the
 * context root of {@code http://127.0.0.1:<port>}, with a form login and one user.
 *
 * <ul>
 *   <li>{@code pub1}: public, {@code https://app.example.test/cb} and {@code http://127.0.0.1/cb};</li>
 *   <li>{@code pub2}: public, {@code https://app2.example.test/cb} (an https redirect: remembered consent);</li>
 *   <li>{@code conf1}: {@code client_secret_basic} (plain secret in configuration), also client credentials;</li>
 *   <li>{@code conf2}: {@code client_secret_post} (stored hash), also client credentials;</li>
 *   <li>{@code multi}: two redirect URIs; {@code cc1}: client credentials only; {@code brute}: for the throttle;
 *       {@code boom}: its tokens fail in a customizer;</li>
 *   <li>{@code pkj1}: {@code private_key_jwt} with the RSA key of {@link ClientKey}, client credentials.</li>
 * </ul>
 */
final class TestDeployment {

    static final String BASE = "http://127.0.0.1:" + System.getProperty("liberty.http.port", "9080");
    static final String ISSUER = BASE;
    static final String RS = "https://rs.example.test/api";
    static final String CONF1_SECRET = "conf1-secret-0123456789-abcdefghijklmnop";
    static final String CONF2_SECRET = "conf2-secret-0123456789-abcdefghijklmnop";
    static final String CC1_SECRET = "cc1-secret-0123456789-abcdefghijklmnopqr";
    static final String BRUTE_SECRET = "brute-secret-0123456789-abcdefghijklmnop";
    static final String BOOM_SECRET = "boom-secret-0123456789-abcdefghijklmnopq";

    private TestDeployment() {
    }

    static WebArchive war(String name) {
        return war(name, false);
    }

    /**
     * The application; with {@code jpa}, on the JPA stores of an H2 database through JTA, and with its own consent
     * policy ({@link FirstPartyConsentPolicy}) in place of the default.
     */
    static WebArchive war(String name, boolean jpa) {
        return war(name, jpa, List.of());
    }

    /** The application, with {@code extra} configuration lines ({@code key=value}) after the common ones. */
    static WebArchive war(String name, boolean jpa, List<String> extra) {
        String config = String.join("\n",
                "lanyard.as.store=" + (jpa ? "jpa" : "memory"),
                "lanyard.as.issuer=" + ISSUER,
                "lanyard.as.resources=" + RS + " items:read items:write",
                "lanyard.as.scopes=items:read=Read your items,items:write=Change your items",
                "lanyard.as.openid-configuration=true",
                "lanyard.as.clients=pub1,pub2,conf1,conf2,multi,cc1,brute,boom,pkj1",
                "lanyard.as.client.pub1.redirect-uris=https://app.example.test/cb,http://127.0.0.1/cb",
                "lanyard.as.client.pub1.name=Public <b>App</b> & co",
                "lanyard.as.client.pub2.redirect-uris=https://app2.example.test/cb",
                "lanyard.as.client.conf1.secret=" + CONF1_SECRET,
                "lanyard.as.client.conf1.redirect-uris=https://conf.example.test/cb?tenant=1",
                "lanyard.as.client.conf1.grant-types=authorization_code,refresh_token,client_credentials",
                "lanyard.as.client.conf2.secret-hash=" + ClientSecrets.hash(CONF2_SECRET),
                "lanyard.as.client.conf2.auth-method=client_secret_post",
                "lanyard.as.client.conf2.redirect-uris=https://conf2.example.test/cb",
                "lanyard.as.client.conf2.grant-types=authorization_code,refresh_token,client_credentials",
                "lanyard.as.client.multi.redirect-uris=https://m.example.test/a,https://m.example.test/b",
                "lanyard.as.client.cc1.secret-hash=" + ClientSecrets.hash(CC1_SECRET),
                "lanyard.as.client.cc1.grant-types=client_credentials",
                "lanyard.as.client.cc1.redirect-uris=https://cc.example.test/cb",
                "lanyard.as.client.brute.secret-hash=" + ClientSecrets.hash(BRUTE_SECRET),
                "lanyard.as.client.brute.grant-types=client_credentials",
                "lanyard.as.client.boom.secret-hash=" + ClientSecrets.hash(BOOM_SECRET),
                "lanyard.as.client.boom.grant-types=client_credentials",
                "lanyard.as.client.pkj1.jwks=" + ClientKey.jwks(),
                "lanyard.as.client.pkj1.signing-alg=RS256",
                "lanyard.as.client.pkj1.grant-types=client_credentials", String.join("\n", extra), "");
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(ItApplication.class, FormLogin.class, DemoIdentityStore.class, LoginServlet.class,
                        ExplodingCustomizer.class)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset("<beans bean-discovery-mode=\"annotated\"/>"), "beans.xml")
                // context root "/" so the well-known URLs live where RFC 8414 §3.1 puts them
                .addAsWebInfResource(new StringAsset("""
                        <web-ext xmlns="http://websphere.ibm.com/xml/ns/javaee" version="1.0">
                          <context-root uri="/"/>
                        </web-ext>
                        """), "ibm-web-ext.xml");
        if (jpa) {
            war.addClasses(JpaEntityManager.class, FirstPartyConsentPolicy.class).addAsResource(new StringAsset("""
                    <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                      <persistence-unit name="lanyard" transaction-type="JTA">
                        <jta-data-source>jdbc/lanyard</jta-data-source>
                        <mapping-file>META-INF/lanyard-grants-orm.xml</mapping-file>
                        <exclude-unlisted-classes>true</exclude-unlisted-classes>
                        <properties>
                          <property name="jakarta.persistence.schema-generation.database.action" value="create"/>
                          <property name="eclipselink.cache.shared.default" value="false"/>
                        </properties>
                      </persistence-unit>
                    </persistence>
                    """), "META-INF/persistence.xml");
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String file = p.getFileName().toString();
            if (Files.isDirectory(p) && p.endsWith(Path.of("target", "classes"))
                    && p.getParent().getParent().getFileName().toString().equals("as-endpoints")) {
                war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "lanyard-as-endpoints.jar")
                        .as(ExplodedImporter.class).importDirectory(p.toFile()).as(JavaArchive.class));
            } else if (file.endsWith(".jar") && !file.startsWith("lanyard-rs-endpoints")
                    && List.of("lanyard-", "nimbus-jose-jwt", "caffeine", "httpclient5",
                    "httpcore5", "slf4j-api").stream().anyMatch(file::startsWith)) {
                war.addAsLibrary(p.toFile());
            }
        }
        return war;
    }

    /**
     * Adds the resource server (rs-endpoints) and {@link ProtectedApi}, a protected resource at {@code /api/items}
     * for the resource {@code RS}, trusting this server's issuer.
     */
    static WebArchive withProtectedApi(WebArchive war) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.getFileName().toString().startsWith("lanyard-rs-endpoints") && entry.endsWith(".jar")) {
                war.addAsLibrary(p.toFile());
            }
        }
        return war.addClasses(ProtectedApi.class);
    }

    /** The configuration of {@link #withProtectedApi}. */
    static List<String> protectedApiConfig() {
        return List.of("lanyard.rs.resource=" + RS, "lanyard.rs.authorization-servers=" + ISSUER,
                "lanyard.rs.fetch.allow-loopback=true", "lanyard.rs.scopes-supported=items:read,items:write");
    }
}
