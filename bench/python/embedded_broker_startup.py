"""What the simulator's embedded broker costs at start: time to the first CONNACK, memory, size on disk.

Starts `java -jar platform/sim/target/relayboard-sim.jar --headless` (the README's first command, no
window) with its LCD and broker log in a temporary folder, and from the moment it launches sends an MQTT
3.1.1 CONNECT every 10 ms to each loopback port the process listens on (read from /proc: the simulator
takes 1883 only when it is free) until one is answered with a CONNACK. Then, 5 s later (the
board connected and idle), reads the process's resident set (VmRSS) and, after a full GC (jcmd GC.run),
the Java heap in use (jcmd GC.heap_info). Also the CPU time the process used until that CONNACK, which a
busy machine bends less than the wall-clock time. Prints one line per run and the median.

usage: python3 bench/python/embedded_broker_startup.py [RUNS [JAR]]   (from the repository's root)
"""
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time

JAR = "platform/sim/target/relayboard-sim.jar"
SETTLE_S = 5.0
# CONNECT, MQTT 3.1.1, clean session, keep-alive 60 s, client id "probe".
CONNECT = bytes([0x10, 17, 0, 4]) + b"MQTT" + bytes([4, 2, 0, 60, 0, 5]) + b"probe"


def listening_ports(pid):
    """The TCP ports that process pid listens on, from its socket inodes and /proc/net/tcp{,6}."""
    inodes = set()
    try:
        for fd in os.listdir("/proc/%d/fd" % pid):
            try:
                target = os.readlink("/proc/%d/fd/%s" % (pid, fd))
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except OSError:
        return []
    ports = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as lines:
            for line in list(lines)[1:]:
                fields = line.split()
                if fields[3] == "0A" and fields[9] in inodes:
                    ports.append(int(fields[1].split(":")[1], 16))
    return ports


def connack_once(port, silent):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
            s.sendall(CONNECT)
            s.settimeout(0.5)
            answer = s.recv(4)
            return len(answer) == 4 and answer[0] == 0x20 and answer[3] == 0
    except socket.timeout:
        silent.add(port)
        return False
    except OSError:
        return False


def cpu_time_ms(pid):
    """User and system CPU time the process (all its threads) used so far: less bent by a busy machine."""
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def kib(text, pattern):
    match = re.search(pattern, text)
    return int(match.group(1)) if match else -1


def one_run():
    folder = tempfile.mkdtemp(prefix="broker-startup")
    started = time.monotonic()
    sim = subprocess.Popen(["java", "-jar", JAR, "--headless", "--lcd-png", os.path.join(folder, "lcd.png"),
                            "--broker-log", os.path.join(folder, "broker.log")],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        silent = set()  # ports that did not answer a CONNECT (the WebSockets one): tried last
        while not any(connack_once(port, silent) for port in sorted(listening_ports(sim.pid),
                                                                   key=lambda p: p in silent)):
            if sim.poll() is not None or time.monotonic() - started > 60:
                sys.exit("no CONNACK: " + sim.stdout.read().decode(errors="replace"))
            time.sleep(0.01)
        connack_ms = (time.monotonic() - started) * 1000
        cpu_ms = cpu_time_ms(sim.pid)
        time.sleep(SETTLE_S)
        with open("/proc/%d/status" % sim.pid) as status:
            rss_kib = kib(status.read(), r"VmRSS:\s+(\d+) kB")
        subprocess.run(["jcmd", str(sim.pid), "GC.run"], capture_output=True, check=True)
        heap = subprocess.run(["jcmd", str(sim.pid), "GC.heap_info"], capture_output=True, text=True).stdout
        heap_kib = kib(heap, r"used (\d+)K")
        return connack_ms, cpu_ms, rss_kib, heap_kib
    finally:
        sim.kill()
        sim.wait()


def size_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)


def main():
    global JAR
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if len(sys.argv) > 2:
        JAR = sys.argv[2]
    results = []
    for n in range(runs):
        result = one_run()
        results.append(result)
        print("run %d: first CONNACK %.0f ms after launch (%.0f ms of CPU), RSS %.1f MiB, heap in use after full GC"
              " %.1f MiB" % (n + 1, result[0], result[1], result[2] / 1024, result[3] / 1024), flush=True)
    median = [statistics.median(r[i] for r in results) for i in range(4)]
    print("median: first CONNACK %.0f ms (%.0f ms of CPU), RSS %.1f MiB, heap %.1f MiB"
          % (median[0], median[1], median[2] / 1024, median[3] / 1024))
    lib = os.path.join(os.path.dirname(JAR), "lib")
    print("simulator jar %d bytes, its lib/ %d bytes in %d files"
          % (size_bytes(JAR), size_bytes(lib), len(os.listdir(lib))))


main()
