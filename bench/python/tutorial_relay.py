#!/usr/bin/python3
"""The relay as the MQTT tutorials write it with Paho Python: the on_message callback prints the
message and publishes it, with a suffix, to the next topic. The benchmark harness (bench/run) runs
it next to RelayBoard as the baseline, on Debian's python3 and python3-paho-mqtt.

Usage: tutorial_relay.py HOST PORT QOS TOPIC_PREFIX
Relays PREFIX/topic1 -> PREFIX/topic2 (+" (relay1)") -> PREFIX/topic3 (+" (relay2)").
"""
import sys

import paho.mqtt.client as mqtt

host = sys.argv[1]
port = int(sys.argv[2])
qos = int(sys.argv[3])
prefix = sys.argv[4]

topic1 = prefix + "/topic1"
topic2 = prefix + "/topic2"
topic3 = prefix + "/topic3"


def on_connect(client, userdata, flags, rc):
    print("Connected to %s:%d (%s)" % (host, port, mqtt.connack_string(rc)))
    # Subscribing here subscribes again after every reconnect.
    client.subscribe([(topic1, qos), (topic2, qos)])


def on_message(client, userdata, msg):
    print('New message (topic="{}", message="{}")'.format(msg.topic, msg.payload.decode("utf-8", "replace")))
    if msg.topic == topic1:
        client.publish(topic2, msg.payload + b" (relay1)", qos)
    elif msg.topic == topic2:
        client.publish(topic3, msg.payload + b" (relay2)", qos)


# One relay per QoS and prefix: the benchmark runs one on loopback and one through its delaying link at once.
client_id = "bench-python-q%d%s" % (qos, prefix.replace("/", "-"))
if hasattr(mqtt, "CallbackAPIVersion"):
    # paho-mqtt 2.x asks which callback signatures the program uses; these are 1.x's.
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION1, client_id=client_id)
else:
    client = mqtt.Client(client_id=client_id)
client.on_connect = on_connect
client.on_message = on_message
client.connect(host, port, keepalive=60)
client.loop_forever()
