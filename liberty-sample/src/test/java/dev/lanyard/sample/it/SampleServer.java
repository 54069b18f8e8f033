package dev.lanyard.sample.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The Open Liberty server the build started for these tests ({@code lanyard-sample}), stopped and started again with
 * the installation's own {@code bin/server} script: same configuration, same database file.
 */
final class SampleServer {

    private static final String NAME = "lanyard-sample";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private SampleServer() {
    }

    /** Stops the server, then starts it again and waits until the application answers. */
    static void restart() throws IOException, InterruptedException {
        try {
            run("stop");
        } finally {
            // started again even when the stop failed half-way, so that the other tests find a server
            run("start");
            awaitUp();
        }
    }

    private static void run(String action) throws IOException, InterruptedException {
        Path wlp = Path.of(System.getProperty("lanyard.sample.wlp", "target/liberty/wlp"));
        Path script = wlp.resolve("bin").resolve("server");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("no Open Liberty installation at " + wlp + " (system property "
                    + "lanyard.sample.wlp)");
        }
        Path log = Path.of("target", "sample-server-" + action + ".log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(script.toString(), action, NAME).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("server " + action + " took longer than " + TIMEOUT + "; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("server " + action + " failed (" + p.exitValue() + "): "
                    + Files.readString(log));
        }
    }

    private static void awaitUp() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(SampleIT.BASE + "/status")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet: try again below
                Thread.onSpinWait();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the sample did not answer at " + SampleIT.BASE + "/status within " + TIMEOUT);
    }
}
