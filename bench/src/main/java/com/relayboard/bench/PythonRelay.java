package com.relayboard.bench;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The tutorials' relay (bench/python/tutorial_relay.py) on Debian's python3 and python3-paho-mqtt. */
final class PythonRelay implements AutoCloseable {

    /** Debian's interpreter: the one python3-paho-mqtt installs for. */
    static final String PYTHON = "/usr/bin/python3";

    private final Process process;

    private PythonRelay(Process process) {
        this.process = process;
    }

    static PythonRelay start(File script, int port, int qos, String topicPrefix, File workFolder) throws IOException {
        if (!new File(PYTHON).canExecute()) {
            throw new IllegalStateException(PYTHON + " is missing");
        }
        File log = new File(workFolder, "python-relay-q" + qos + ".log");
        Process process = new ProcessBuilder(PYTHON, script.getPath(), "127.0.0.1", Integer.toString(port),
                Integer.toString(qos), topicPrefix).redirectErrorStream(true).redirectOutput(log).start();
        return new PythonRelay(process);
    }

    /** @return the versions of Python and paho-mqtt the relay runs on */
    static String versions() {
        try {
            Process process = new ProcessBuilder(PYTHON, "-c",
                    "import sys, paho.mqtt; print('Python %d.%d.%d, paho-mqtt %s' % (sys.version_info[:3] + "
                            + "(paho.mqtt.__version__,)))").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            return "unknown (" + e + ")";
        }
    }

    boolean isAlive() {
        return this.process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        this.process.destroy();
        if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
            this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
