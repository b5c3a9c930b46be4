package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;

/**
 * The README's test command on machines of three kinds, its system commands replaced by recording stand-ins: one
 * that lacks packages and cannot install them without a password, one where it runs as root, one that has
 * everything. The stand-ins record what the script ran; nothing is installed.
 */
public class RunTestsScriptTest {

    private static final String NPM_CI = "npm ci --no-audit --no-fund --loglevel=error";
    private static final File SCRIPT = new File("../../run-tests").getAbsoluteFile();
    private static final long TIMEOUT_S = 30;

    private Path bin;
    private Path record;

    @Before
    public void standIns() throws IOException {
        this.bin = Files.createTempDirectory("run-tests-bin");
        this.record = this.bin.resolve("ran.txt");
        // dpkg-query -W -f='${Status}' PACKAGE: installed unless PACKAGE is listed in $MISSING.
        standIn("dpkg-query", "for p in $MISSING; do [ \"$p\" = \"$3\" ] && exit 1; done; printf 'install ok installed'");
        standIn("id", "echo \"$USER_ID\"");
        // sudo that would ask for a password: -n makes it fail instead.
        standIn("sudo", "exit 1");
        standIn("apt-get", "echo \"apt-get $*\" >> " + this.record);
        standIn("mvn", "echo \"mvn $*\" >> " + this.record);
        standIn("java", "exit 0");
        standIn("node", "exit 0");
        standIn("npm", "echo \"npm $*\" >> " + this.record);
    }

    @Test
    public void missingPackagesWithoutAWayToInstall_stopAtOnce_withTheOneCommandThatInstallsThem() throws Exception {
        Result result = run("1000", "mosquitto xvfb");
        assertEquals(1, result.status);
        assertEquals(List.of("run-tests: missing mosquitto xvfb; install them with: sudo apt-get install -y"
                + " --no-install-recommends mosquitto xvfb"), result.errors);
        assertFalse("nothing was run: " + ran(), Files.exists(this.record));
    }

    @Test
    public void missingPackagesAsRoot_areInstalled_thenEveryTestRuns() throws Exception {
        Result result = run("0", "mosquitto-clients");
        assertEquals(result.errors.toString(), 0, result.status);
        assertEquals(List.of("apt-get update -qq", "apt-get install -y -qq --no-install-recommends mosquitto-clients",
                NPM_CI, "mvn -B verify"), ran());
    }

    @Test
    public void aMachineWithEverything_runsEveryTest_withoutApt_passingArgumentsToMaven() throws Exception {
        Result result = run("1000", "", "-pl", "platform/sim");
        assertEquals(result.errors.toString(), 0, result.status);
        assertEquals(List.of(NPM_CI, "mvn -B verify -pl platform/sim"), ran());
    }

    @Test
    public void ciRunsTheReadmesTestCommand() throws IOException {
        List<String> ci = Files.readAllLines(SCRIPT.toPath().resolveSibling(".ci/run"), StandardCharsets.UTF_8);
        assertTrue(".ci/run calls ./run-tests: " + ci, ci.contains("./run-tests"));
        assertFalse(".ci/run keeps no package list of its own: " + ci, String.join("\n", ci).contains("apt-get"));
    }

    private void standIn(String name, String body) throws IOException {
        Path file = this.bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        assertTrue(file.toFile().setExecutable(true));
    }

    private Result run(String userId, String missing, String... mavenArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(SCRIPT.getPath()));
        command.addAll(List.of(mavenArgs));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PATH", this.bin + ":/usr/bin:/bin");
        builder.environment().put("USER_ID", userId);
        builder.environment().put("MISSING", missing);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        List<String> errors = List.of(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                .split("\n"));
        assertTrue("run-tests ended", process.waitFor(TIMEOUT_S, TimeUnit.SECONDS));
        Result result = new Result();
        result.status = process.exitValue();
        result.errors = errors.stream().filter(line -> !line.startsWith("run-tests: installing")).toList();
        return result;
    }

    private List<String> ran() throws IOException {
        return Files.exists(this.record) ? Files.readAllLines(this.record) : List.of();
    }

    private static final class Result {
        int status;
        List<String> errors;
    }
}
