package com.relayboard.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The package layers on real class files: fixtures in the firmware's packages, compiled at test time, checked
 * against the real layers file (system property {@code relayboard.layers}).
 */
public class PackageLayersTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static PackageLayers realLayers() throws IOException {
        String path = System.getProperty("relayboard.layers");
        assertNotNull("system property relayboard.layers (set by the pom) is missing", path);
        return PackageLayers.load(Paths.get(path));
    }

    private Path compile(String... sources) throws IOException {
        return FixtureCompiler.compile(temp.newFolder().toPath(), "7", sources);
    }

    private static final String PATH_OUTBOX = "package com.relayboard.firmware.path;\n"
            + "public class Outbox { public void open() { } }\n";

    @Test
    public void transportUsingTheMessagePath_isRefusedAsAnUpwardDependency() throws IOException {
        Path classes = compile(PATH_OUTBOX, "package com.relayboard.firmware.net;\n"
                + "public class MqttLink { void up(com.relayboard.firmware.path.Outbox o) { o.open(); } }\n");
        List<Violation> violations = realLayers().check(classes);
        assertEquals(violations.toString(), 1, violations.size());
        Violation v = violations.get(0);
        assertEquals("com/relayboard/firmware/net/MqttLink", v.referencingClass());
        assertEquals("class com/relayboard/firmware/path/Outbox", v.referenced());
        assertTrue(v.reason(), v.reason().startsWith("upward dependency: net may use only util ("));
    }

    @Test
    public void aTypeUsedOnlyInASignature_counts() throws IOException {
        Path classes = compile("package com.relayboard.firmware.config;\npublic class Config { }\n",
                "package com.relayboard.firmware.net;\n"
                        + "public abstract class Session { abstract void take(com.relayboard.firmware.config.Config c); }\n");
        List<Violation> violations = realLayers().check(classes);
        assertEquals(violations.toString(), 1, violations.size());
        assertEquals("class com/relayboard/firmware/config/Config", violations.get(0).referenced());
    }

    @Test
    public void downwardDependencies_pass() throws IOException {
        Path classes = compile("package com.relayboard.firmware.net;\npublic interface PublishGate { void open(); }\n",
                "package com.relayboard.firmware.relay;\npublic class Relay { }\n",
                "package com.relayboard.firmware.path;\n"
                        + "public class Outbox implements com.relayboard.firmware.net.PublishGate {\n"
                        + "  com.relayboard.firmware.relay.Relay relay;\n  public void open() { }\n}\n",
                "package com.relayboard.firmware;\n"
                        + "public class Board { com.relayboard.firmware.path.Outbox outbox; }\n");
        assertEquals("[]", realLayers().check(classes).toString());
    }

    @Test
    public void aPackageTheFileDoesNotList_isRefused() throws IOException {
        Path classes = compile("package com.relayboard.firmware.extra;\npublic class Thing { }\n");
        List<Violation> violations = realLayers().check(classes);
        assertEquals(violations.toString(), 1, violations.size());
        assertTrue(violations.get(0).reason(), violations.get(0).reason().startsWith("the package is not in "));
    }

    @Test
    public void aLayersFileThatWouldAllowACycle_isRefused() throws IOException {
        Path file = temp.newFile("layers.txt").toPath();
        Files.write(file, "net: path\npath: net\n".getBytes(StandardCharsets.UTF_8));
        try {
            PackageLayers.load(file);
            fail("a line naming a package listed below it was accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("the layers would allow a cycle"));
        }
    }

    @Test
    public void packageNames_areRelativeToTheFirmware() {
        assertEquals("(root)", PackageLayers.packageOf("com/relayboard/firmware/RelayBoard"));
        assertEquals("net", PackageLayers.packageOf("com/relayboard/firmware/net/MqttLink$Probe"));
        assertEquals("net.paho", PackageLayers.packageOf("com/relayboard/firmware/net/paho/PahoLane"));
        assertEquals(null, PackageLayers.packageOf("java/lang/String"));
    }
}
