"""The simplest Paho Python subscriber, as a new user writes it: connect(), subscribe(), loop.

subscribe() is called before the CONNACK has been read, so the SUBSCRIBE leaves right behind the
CONNECT, as MQTT 3.1.1 section 3.1.4 allows. Prints one line per event for the test to read:
  SENT_BEFORE_CONNACK      subscribe() was sent while no CONNACK had arrived yet
  CONNACK rc=N / SUBACK    the broker's answers, in the order they came
  MESSAGE <payload>        each message received
  DISCONNECTED rc=N        the broker closed the connection (then exit 3)
Exits 0 after COUNT messages, 2 if they did not all come within TIMEOUT_S seconds.

usage: subscribe_before_connack.py HOST PORT tcp|websockets TOPIC COUNT TIMEOUT_S
"""
import sys
import time

import paho.mqtt.client as mqtt

host, port, transport, topic = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
count, timeout_s = int(sys.argv[5]), float(sys.argv[6])

state = {"connack": False, "messages": 0, "disconnected": False}


def say(line):
    print(line, flush=True)


def on_connect(client, userdata, flags, rc):
    state["connack"] = True
    say("CONNACK rc=%d" % rc)


def on_subscribe(client, userdata, mid, granted_qos):
    say("SUBACK")


def on_message(client, userdata, message):
    state["messages"] += 1
    say("MESSAGE " + message.payload.decode("utf-8", "replace"))


def on_disconnect(client, userdata, rc):
    state["disconnected"] = True
    say("DISCONNECTED rc=%d" % rc)


# paho-mqtt 2.x asks which callback signatures the caller uses; 1.x (Debian 12 ships 1.6.1) has only these.
if hasattr(mqtt, "CallbackAPIVersion"):
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION1, transport=transport)
else:
    client = mqtt.Client(transport=transport)
if transport == "websockets":
    client.ws_set_options(path="/mqtt")
client.on_connect = on_connect
client.on_subscribe = on_subscribe
client.on_message = on_message
client.on_disconnect = on_disconnect

client.connect(host, port, keepalive=30)
result, _ = client.subscribe(topic, qos=1)
if result != mqtt.MQTT_ERR_SUCCESS:
    say("SUBSCRIBE failed rc=%d" % result)
    sys.exit(4)
if not state["connack"]:
    say("SENT_BEFORE_CONNACK")

# loop_forever() would reconnect after a close and hide it; this loop ends instead, so the test sees it.
deadline = time.monotonic() + timeout_s
while state["messages"] < count and not state["disconnected"] and time.monotonic() < deadline:
    client.loop(timeout=0.1)
if state["disconnected"]:
    sys.exit(3)
if state["messages"] < count:
    say("TIMEOUT after %.0f s with %d of %d messages" % (timeout_s, state["messages"], count))
    sys.exit(2)
client.disconnect()
sys.exit(0)
