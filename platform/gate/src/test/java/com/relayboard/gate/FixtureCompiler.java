package com.relayboard.gate;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import com.relayboard.host.HostPlatform;

/**
 * Compiles tiny fixture sources with the JDK's compiler, exactly as the firmware build does
 * ({@code --release 7}), so the gate is tested on real class files.
 */
final class FixtureCompiler {

    private static final Pattern TYPE_NAME = Pattern.compile(
            "(?m)^\\s*package\\s+([\\w.]+)\\s*;.*?\\b(?:class|enum|interface)\\s+(\\w+)", Pattern.DOTALL);

    private FixtureCompiler() {
    }

    /**
     * Compiles the sources (each a whole compilation unit with a package clause; the file is named after its
     * first type) into {@code outputDir} with {@code --release release}.
     */
    static Path compile(Path outputDir, String release, String... sources) throws IOException {
        return compile(outputDir, release, null, sources);
    }

    /** Like {@link #compile(Path, String, String...)}, with {@code extraClasspath} (e.g. main classes) first. */
    static Path compile(Path outputDir, String release, Path extraClasspath, String... sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull("tests need a JDK (javax.tools compiler)", compiler);
        Files.createDirectories(outputDir);
        List<JavaFileObject> units = new ArrayList<>();
        for (String source : sources) {
            units.add(new Source(source));
        }
        List<String> options = Arrays.asList("--release", release, "-Xlint:-options", "-g",
                "-classpath", (extraClasspath == null ? "" : extraClasspath + File.pathSeparator) + classpath(), "-d", outputDir.toString());
        StringWriter diagnostics = new StringWriter();
        boolean ok = compiler.getTask(diagnostics, null, null, options, null, units).call();
        if (!ok) {
            fail("fixture does not compile with --release " + release + ":\n" + diagnostics);
        }
        return outputDir;
    }

    /** The test classpath, plus the jars of the host platform and JUnit wherever surefire put them. */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(location(HostPlatform.class));
        entries.add(location(org.junit.Assert.class));
        entries.add(location(org.hamcrest.Matcher.class));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String location(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String text) {
            super(uriOf(text), Kind.SOURCE);
            this.text = text;
        }

        private static URI uriOf(String text) {
            Matcher m = TYPE_NAME.matcher(text);
            if (!m.find()) {
                throw new IllegalArgumentException("fixture needs a package clause and a type: " + text);
            }
            return URI.create("string:///" + m.group(1).replace('.', '/') + "/" + m.group(2) + ".java");
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
