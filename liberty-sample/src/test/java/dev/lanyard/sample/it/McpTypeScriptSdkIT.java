package dev.lanyard.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Runs the end-to-end tests written with the official MCP TypeScript SDK client ({@code src/test/e2e-ts}, installed
 * under {@code target/e2e-ts} by {@code npm ci} from its lock file) against the sample started for the integration
 * tests. Their output goes to the build log; a failing Node test fails this test, hence {@code mvn verify}.
 */
class McpTypeScriptSdkIT {

    static final Path DIR = Path.of(System.getProperty("e2e.ts.dir", "target/e2e-ts"));

    @Test
    void mcpTypeScriptSdkClientRunsTheWholeAuthorizationChainStepUpAndRefresh() throws Exception {
        assertThat(DIR.resolve("node_modules/@modelcontextprotocol/sdk/package.json"))
                .as("npm ci ran in " + DIR).exists();
        ProcessBuilder node = new ProcessBuilder(List.of("node", "--test", "--test-concurrency=1",
                "--test-timeout=60000", "--test-force-exit",
                "--test-reporter=spec", "test/"))
                .directory(DIR.toFile())
                .redirectErrorStream(true);
        node.environment().put("LANYARD_BASE_URL", SampleIT.BASE);
        node.environment().put("LANYARD_E2E_TLS_STORE", System.getProperty("e2e.tls.store"));
        node.environment().put("LANYARD_E2E_TLS_PASSWORD", System.getProperty("e2e.tls.password"));
        node.environment().put("NO_COLOR", "1");
        List<String> output = new CopyOnWriteArrayList<>();
        Process process = node.start();
        // the fork's own stdout is the build's channel: copy Node's lines through System.out
        Thread echo = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
                lines.lines().forEach(line -> {
                    System.out.println("[e2e-ts] " + line);
                    output.add(line);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("the TypeScript e2e tests did not finish in 3 minutes");
        }
        echo.join();
        assertThat(process.exitValue()).as("node --test exit status (the log above shows each test)").isZero();
        // the spec reporter's summary: some tests ran, none failed
        assertThat(output).contains("ℹ fail 0").noneMatch(l -> l.equals("ℹ pass 0"))
                .anyMatch(l -> l.startsWith("ℹ pass "));
    }
}
