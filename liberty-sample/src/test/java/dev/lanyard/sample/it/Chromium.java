package dev.lanyard.sample.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * Headless Chromium driven through the Chrome DevTools Protocol over a WebSocket (java.net.http): enough to open
 * pages, run script in them, wait for a condition, take screenshots and watch the responses the page received. The
 * browser gets a fresh profile, its DevTools endpoint listens on 127.0.0.1 on a free port, and {@link #close()} ends
 * it.
 *
 * <p>The executable is the system property {@code lanyard.chromium}, else {@code chromium}, {@code chromium-browser}
 * or {@code google-chrome} on the {@code PATH} (Debian: {@code apt-get install chromium}).
 */
final class Chromium implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> calls = new ConcurrentHashMap<>();
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts a headless browser with one blank page and connects to that page. */
    static Chromium launch(Path logFile) throws IOException, InterruptedException {
        String executable = executable();
        Path profile = Files.createTempDirectory("lanyard-chromium");
        List<String> command = new ArrayList<>(List.of(executable, "--headless=new", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--window-size=1100,1000",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile));
        if ("root".equals(System.getProperty("user.name"))) {
            // Chromium refuses to run as root with its sandbox (containers, CI)
            command.add("--no-sandbox");
        }
        command.add("about:blank");
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile())
                .start();
        try {
            int port = awaitDevToolsPort(process, profile, logFile);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String pageSocket = pageWebSocket(http, port);
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(pageSocket), listener).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Chromium chromium = new Chromium(process, profile, socket);
            listener.owner = chromium;
            chromium.call("Page.enable", Json.createObjectBuilder().build());
            chromium.call("Network.enable", Json.createObjectBuilder().build());
            return chromium;
        } catch (IOException | InterruptedException | RuntimeException | ExecutionException | TimeoutException e) {
            end(process);
            deleteTree(profile);
            throw e instanceof IOException io ? io : new IOException("could not connect to Chromium; see " + logFile, e);
        }
    }

    private static String executable() {
        String configured = System.getProperty("lanyard.chromium", "");
        if (!configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new IllegalStateException("No Chromium found: install the Debian package chromium (apt-get install -y "
                + "chromium; .ci/run does it) or set -Dlanyard.chromium=/path/to/chrome");
    }

    private static int awaitDevToolsPort(Process process, Path profile, Path logFile)
            throws IOException, InterruptedException {
        Path activePort = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isRegularFile(activePort)) {
                List<String> lines = Files.readAllLines(activePort);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            if (!process.isAlive()) {
                throw new IOException("Chromium exited with " + process.exitValue() + ": "
                        + Files.readString(logFile));
            }
            Thread.sleep(100);
        }
        throw new IOException("Chromium did not open its DevTools port within " + TIMEOUT + "; see " + logFile);
    }

    private static String pageWebSocket(HttpClient http, int port) throws IOException, InterruptedException {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/json/list")).build(), HttpResponse.BodyHandlers.ofString());
        try (JsonReader r = Json.createReader(new StringReader(list.body()))) {
            return r.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(t -> "page".equals(t.getString("type", ""))).findFirst()
                    .map(t -> t.getString("webSocketDebuggerUrl"))
                    .orElseThrow(() -> new IOException("no page target in " + list.body()));
        }
    }

    /** Sends a DevTools command and returns its result; a protocol error becomes a {@link CdpException}. */
    JsonObject call(String method, JsonObject params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        calls.put(id, answer);
        String message = Json.createObjectBuilder().add("id", id).add("method", method).add("params", params)
                .build().toString();
        socket.sendText(message, true).join();
        try {
            JsonObject response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (response.containsKey("error")) {
                throw new CdpException(method + ": " + response.getJsonObject("error"));
            }
            return response.getJsonObject("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdpException(method + " interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new CdpException(method + " failed: " + e);
        } finally {
            calls.remove(id);
        }
    }

    /** Opens {@code url} in the page. */
    void navigate(String url) {
        call("Page.navigate", Json.createObjectBuilder().add("url", url).build());
    }

    /** Runs {@code expression} in the page; its value (JSON), or empty for {@code undefined}. */
    Optional<JsonValue> evaluate(String expression) {
        JsonObject result = call("Runtime.evaluate", Json.createObjectBuilder().add("expression", expression)
                .add("returnByValue", true).add("awaitPromise", true).build());
        if (result.containsKey("exceptionDetails")) {
            throw new CdpException("script failed: " + result.getJsonObject("exceptionDetails"));
        }
        return Optional.ofNullable(result.getJsonObject("result").get("value"));
    }

    /** The value of a string expression in the page. */
    String text(String expression) {
        return evaluate(expression).filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                .map(v -> ((jakarta.json.JsonString) v).getString()).orElse("");
    }

    /**
     * Waits until the page's boolean {@code condition} is true. While a navigation replaces the document, script
     * fails; that counts as not yet.
     */
    void waitUntil(String condition) throws InterruptedException {
        waitUntil(condition, () -> {
            try {
                return evaluate("Boolean(" + condition + ")").map(JsonValue.TRUE::equals).orElse(false);
            } catch (CdpException betweenDocuments) {
                return false;
            }
        });
    }

    private void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + " at " + text("location.href"));
    }

    /** A PNG screenshot of the page, saved to {@code file}. */
    Path screenshot(Path file) throws IOException {
        JsonObject shot = call("Page.captureScreenshot", Json.createObjectBuilder().add("format", "png").build());
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, Base64.getDecoder().decode(shot.getString("data")));
    }

    /** The HTTP status of the last document the page received from {@code url} (Network.responseReceived). */
    Optional<Integer> documentStatus(String url) {
        return events.stream().filter(e -> "Network.responseReceived".equals(e.getString("method")))
                .map(e -> e.getJsonObject("params"))
                .filter(p -> "Document".equals(p.getString("type", "")))
                .map(p -> p.getJsonObject("response"))
                .filter(r -> url.equals(r.getString("url")))
                .map(r -> r.getInt("status"))
                .reduce((first, second) -> second);
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            socket.abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            end(process);
            deleteTree(profile);
        }
    }

    // the browser and its helper processes (renderer, GPU, zygote): all gone before the profile is deleted
    private static void end(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        awaitExit(all);
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(all);
    }

    private static void awaitExit(List<ProcessHandle> processes) {
        Instant deadline = Instant.now().plusSeconds(10);
        for (ProcessHandle p : processes) {
            try {
                p.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // still alive: the caller kills it forcibly
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void receive(String message) {
        JsonObject json;
        try (JsonReader r = Json.createReader(new StringReader(message))) {
            json = r.readObject();
        }
        if (json.containsKey("id")) {
            CompletableFuture<JsonObject> answer = calls.get(json.getInt("id"));
            if (answer != null) {
                answer.complete(json);
            }
        } else {
            events.add(json);
        }
    }

    /** A DevTools protocol error. */
    static final class CdpException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CdpException(String message) {
            super(message);
        }
    }

    /** Collects the text frames of each message (a screenshot spans many frames) and hands whole messages over. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile Chromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                Chromium c = owner;
                if (c != null) {
                    c.receive(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
