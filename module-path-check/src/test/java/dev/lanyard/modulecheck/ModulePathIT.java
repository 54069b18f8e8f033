package dev.lanyard.modulecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the module descriptors: small programs are compiled and run against the built library jars on the module
 * path, with no class path at all. One uses the exported API and must work; one reaches for an internal package and
 * must not compile.
 */
class ModulePathIT {

    private static final List<String> TEST_ONLY = List.of("junit", "opentest4j", "apiguardian", "assertj",
            "byte-buddy", "surefire", "failsafe", "test-classes", "module-path-check");

    @TempDir
    Path work;

    /** The library jars and their runtime dependencies, taken from this test's class path. */
    static String modulePath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(e -> TEST_ONLY.stream().noneMatch(e::contains))
                .collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    void programUsingExportedApiCompilesAndRunsOnTheModulePathAlone() throws Exception {
        Path src = write("ok", """
                module lanyard.check {
                    requires dev.lanyard.spec;
                    requires dev.lanyard.discovery;
                }
                """, """
                package check;

                import dev.lanyard.spec.core.FormParameters;
                import dev.lanyard.spec.core.Scope;
                import dev.lanyard.spec.core.StrictJson;
                import dev.lanyard.spec.error.OAuthException;

                public class Main {
                    public static void main(String[] args) {
                        FormParameters p = FormParameters.parse("scope=mcp%3Aread+notes%3Awrite&x=1&x=2");
                        System.out.println("scope=" + Scope.parse(p.require("scope", null)));
                        System.out.println("json=" + StrictJson.parseObject("{\\"a\\":[1]}").orElseThrow());
                        try {
                            p.get("x");
                        } catch (OAuthException e) {
                            System.out.println("error=" + e.error().toJson());
                        }
                        System.out.println("prm=" + dev.lanyard.discovery.publish.MetadataRoutes
                                .protectedResourceMetadataUrl("https://mcp.example.com/mcp"));
                        try (var fetcher = dev.lanyard.discovery.fetch.SafeFetcher.create(
                                dev.lanyard.discovery.fetch.FetchPolicy.defaults())) {
                            fetcher.fetch(java.net.URI.create("https://127.0.0.1/x"));
                        } catch (dev.lanyard.discovery.fetch.FetchException e) {
                            System.out.println("refused=" + e.reason());
                        }
                        System.out.println("module=" + Main.class.getModule().getName()
                                + " spec=" + Scope.class.getModule().getName()
                                + " json=" + jakarta.json.Json.class.getModule().getName());
                    }
                }
                """);
        Path out = work.resolve("ok-out");
        assertThat(compile(src, out)).as("javac output").isEmpty();

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath() + File.pathSeparator + out, "-m", "lanyard.check/check.Main")
                .redirectErrorStream(true);
        pb.environment().remove("CLASSPATH");
        Process process = pb.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("scope=mcp:read notes:write")
                .contains("json={\"a\":[1]}")
                .contains("error={\"error\":\"invalid_request\",\"error_description\":\"Parameter x is repeated\"}")
                .contains("prm=https://mcp.example.com/.well-known/oauth-protected-resource/mcp")
                .contains("refused=SPECIAL_USE_ADDRESS")
                .contains("module=lanyard.check spec=dev.lanyard.spec json=jakarta.json");
    }

    @Test
    void programReachingIntoAnInternalPackageDoesNotCompile() throws Exception {
        Path src = write("bad", """
                module lanyard.bad {
                    requires dev.lanyard.spec;
                }
                """, """
                package bad;

                public class Main {
                    public static void main(String[] args) {
                        System.out.println(dev.lanyard.spec.internal.json.JsonReads.class);
                    }
                }
                """);
        String errors = compile(src, work.resolve("bad-out"));
        assertThat(errors).contains("dev.lanyard.spec.internal.json").contains("not visible");
    }

    @Test
    void libraryDescriptorsExportOnlyApiPackages() {
        Set<ModuleReference> modules = ModuleFinder.of(List.of(modulePath().split(File.pathSeparator)).stream()
                .map(Path::of).toArray(Path[]::new)).findAll();
        List<ModuleDescriptor> lanyard = modules.stream().map(ModuleReference::descriptor)
                .filter(d -> d.name().startsWith("dev.lanyard.")).toList();
        assertThat(lanyard).extracting(ModuleDescriptor::name).contains("dev.lanyard.spec", "dev.lanyard.discovery");
        for (ModuleDescriptor d : lanyard) {
            assertThat(d.isAutomatic()).as(d.name()).isFalse();
            assertThat(d.exports()).as(d.name()).allSatisfy(e -> {
                assertThat(e.source()).doesNotContain(".internal");
                assertThat(e.isQualified()).isFalse();
            });
            assertThat(d.packages().stream().filter(p -> p.contains(".internal")))
                    .as(d.name() + " keeps its internal packages").allSatisfy(p ->
                            assertThat(d.exports()).noneMatch(e -> e.source().equals(p)));
        }
        ModuleDescriptor spec = lanyard.stream().filter(d -> d.name().equals("dev.lanyard.spec")).findFirst().orElseThrow();
        // spec-model depends on the JSON-P API only
        assertThat(spec.requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "jakarta.json");
    }

    @Test
    void specModelSourcesImportOnlyJavaAndJsonP() throws IOException {
        Path root = Path.of("..", "spec-model", "src", "main", "java");
        List<String> offending = new ArrayList<>();
        try (var files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String l = line.strip();
                    if (l.startsWith("import ")) {
                        String name = l.substring(l.startsWith("import static ") ? 14 : 7);
                        if (!(name.startsWith("java.") || name.startsWith("jakarta.json.")
                                || name.startsWith("dev.lanyard.spec."))) {
                            offending.add(root.relativize(f) + ": " + l);
                        }
                    }
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    private Path write(String name, String moduleInfo, String main) throws IOException {
        Path dir = work.resolve(name);
        Path pkg = dir.resolve(name.equals("ok") ? "check" : "bad");
        Files.createDirectories(pkg);
        Files.writeString(dir.resolve("module-info.java"), moduleInfo);
        Files.writeString(pkg.resolve("Main.java"), main);
        return dir;
    }

    private String compile(Path src, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> files;
        try (var walk = Files.walk(src)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--module-path", modulePath(),
                "-Xlint:all", "-Werror"));
        args.addAll(files);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        javac.run(null, errors, errors, args.toArray(String[]::new));
        return errors.toString(StandardCharsets.UTF_8);
    }
}
