package dev.lanyard.modulecheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The build refuses a JDK older than 21 at once, with a message that says what to do. Runs the root POM's
 * {@code validate} phase with an older JDK when the machine has one (this project's machines have JDK 17).
 */
class BuildEnvironmentIT {

    @Test
    void buildWithAJdkOlderThan21FailsFastWithAClearMessage() throws IOException, InterruptedException {
        Optional<Path> oldJdk = olderJdk();
        Optional<Path> mvn = onPath("mvn");
        assumeTrue(oldJdk.isPresent() && mvn.isPresent(), "needs mvn on the PATH and a JDK older than 21");

        ProcessBuilder pb = new ProcessBuilder(mvn.get().toString(), "-B", "-N", "-q", "-o", "validate")
                .directory(Path.of("..").toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", oldJdk.get().toString());
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isNotZero();
        assertThat(out).contains("Lanyard needs a JDK of 21 or newer").contains("Set JAVA_HOME");
    }

    private static Optional<Path> olderJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")))
                    .filter(d -> d.getFileName().toString().matches(".*\\b(1[1-7]|8)\\b.*|.*-1[1-7]-.*|.*-(1[1-7])\\..*"))
                    .findFirst();
        }
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator)).map(d -> Path.of(d, command))
                .filter(Files::isExecutable).findFirst();
    }
}
