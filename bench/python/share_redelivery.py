#!/usr/bin/env python3
"""What a broker does with the messages a member of a shared subscription had taken when it dies.

Two members, A and B, of the shared subscription $share/g/share/t, MQTT 3.1.1, QoS 1, persistent sessions
(clean session 0). A takes its messages but never acknowledges them (a board busy relaying them); B acknowledges
everything. Phase 1: 100 QoS 1 messages. Then A's socket is closed without DISCONNECT (what the broker sees of a
board killed with SIGKILL). Phase 2: 100 more while A is away. Phase 3: A comes back under its id, acknowledging now.
Prints where each phase's messages went.

Plain sockets, no client library: A must hold its acknowledgements, which client libraries do not offer.

Usage: python3 bench/python/share_redelivery.py PORT [clean]   (a broker listening on 127.0.0.1:PORT)
With "clean", A connects with clean session 1 (its session, and what it holds, ends with its connection).
"""
import socket
import struct
import sys
import threading
import time

TOPIC = "share/t"
FILTER = "$share/g/" + TOPIC


def encode_length(n):
    out = bytearray()
    while True:
        byte = n % 128
        n //= 128
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def utf8(s):
    b = s.encode()
    return struct.pack("!H", len(b)) + b


def packet(first, body):
    return bytes([first]) + encode_length(len(body)) + body


def read_packet(sock):
    head = sock.recv(1)
    if not head:
        raise EOFError
    length, shift = 0, 0
    while True:
        b = sock.recv(1)[0]
        length += (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            break
    body = b""
    while len(body) < length:
        chunk = sock.recv(length - len(body))
        if not chunk:
            raise EOFError
        body += chunk
    return head[0], body


class Member:
    def __init__(self, port, client_id, acknowledge, clean=False):
        self.client_id = client_id
        self.acknowledge = acknowledge
        self.received = []  # (payload, dup)
        self.sock = socket.create_connection(("127.0.0.1", port))
        # CONNECT: MQTT 3.1.1, clean session 0, keepalive 60 s
        self.sock.sendall(packet(0x10, utf8("MQTT") + bytes([4, 0x02 if clean else 0x00]) + struct.pack("!H", 60)
                                      + utf8(client_id)))
        kind, body = read_packet(self.sock)
        assert kind == 0x20 and body[1] == 0, "CONNACK %r" % body
        self.session_present = body[0] & 1
        self.suback = None
        self.lock = threading.Lock()
        threading.Thread(target=self.read, daemon=True).start()

    def subscribe(self):
        self.sock.sendall(packet(0x82, struct.pack("!H", 1) + utf8(FILTER) + bytes([1])))
        deadline = time.time() + 5
        while self.suback is None and time.time() < deadline:
            time.sleep(0.01)
        return self.suback

    def read(self):
        try:
            while True:
                kind, body = read_packet(self.sock)
                if kind >> 4 == 9:
                    self.suback = body[2]
                elif kind >> 4 == 3:
                    n = struct.unpack("!H", body[:2])[0]
                    rest = body[2 + n:]
                    qos = (kind >> 1) & 3
                    if qos:
                        packet_id, payload = rest[:2], rest[2:]
                    else:
                        packet_id, payload = None, rest
                    with self.lock:
                        self.received.append((payload.decode(), bool(kind & 0x08)))
                    if qos and self.acknowledge:
                        self.sock.sendall(packet(0x40, packet_id))
        except (EOFError, OSError):
            pass

    def kill(self):
        # No DISCONNECT: the socket just ends, as when the board's process is killed.
        self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()

    def payloads(self):
        with self.lock:
            return list(self.received)


def publish(port, first, count):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(packet(0x10, utf8("MQTT") + bytes([4, 0x02]) + struct.pack("!H", 60) + utf8("share-publisher")))
    read_packet(sock)
    for i in range(first, first + count):
        sock.sendall(packet(0x32, utf8(TOPIC) + struct.pack("!H", i + 1) + ("m%03d" % i).encode()))
        kind, _ = read_packet(sock)
        assert kind >> 4 == 4
    sock.sendall(bytes([0xE0, 0]))
    sock.close()


def numbers(received):
    return sorted(int(p[1:]) for p, _ in received)


def main():
    port = int(sys.argv[1])
    clean = len(sys.argv) > 2 and sys.argv[2] == "clean"
    a = Member(port, "share-a", acknowledge=False, clean=clean)
    b = Member(port, "share-b", acknowledge=True)
    print("SUBACK A 0x%02x, B 0x%02x" % (a.subscribe(), b.subscribe()))
    publish(port, 0, 100)
    time.sleep(1)
    taken_by_a = numbers(a.payloads())
    print("phase 1, 100 messages: A took %d (acknowledged none), B %d" % (len(taken_by_a), len(b.payloads())))
    a.kill()
    time.sleep(1)
    before = len(b.payloads())
    publish(port, 100, 100)
    time.sleep(2)
    b_phase2 = numbers(b.payloads()[before:])
    redelivered_to_b = [n for n in b_phase2 if n in taken_by_a]
    print("after A's death and 100 more: B got %d messages, %d of them phase 2's, %d of them A's unacknowledged ones"
          % (len(b_phase2), len([n for n in b_phase2 if n >= 100]), len(redelivered_to_b)))
    back = Member(port, "share-a", acknowledge=True, clean=clean)
    if clean:
        back.subscribe()
    time.sleep(2)
    got = back.payloads()
    again = [n for n in numbers(got) if n in taken_by_a]
    print("A back (session present %d): got %d messages: %d of its %d unacknowledged "
          "(%d flagged DUP), %d of phase 2's"
          % (back.session_present, len(got), len(again), len(taken_by_a), len([1 for _, dup in got if dup]),
             len([n for n in numbers(got) if n >= 100])))
    everyone = set(numbers(b.payloads())) | set(numbers(got))
    print("lost (neither B nor A after its return acknowledged them): %d of 200" % (200 - len(everyone)))


if __name__ == "__main__":
    main()
