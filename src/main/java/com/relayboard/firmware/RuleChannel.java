package com.relayboard.firmware;

import com.relayboard.firmware.net.BrokerException;
import com.relayboard.firmware.net.BrokerSession;
import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.net.JobRunner;
import com.relayboard.firmware.net.LifecycleListener;
import com.relayboard.firmware.net.MqttLink;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.firmware.net.WifiState;
import com.relayboard.firmware.path.RuleTables;
import com.relayboard.firmware.relay.Relay;
import com.relayboard.firmware.relay.RelayRule;
import com.relayboard.firmware.text.JsonReader;
import com.relayboard.firmware.text.Utf8;

/**
 * Rule tables over MQTT, on the loop thread: says what the tables the path took did (one line for a run of them),
 * has the link subscribe to new sources, and has the table in force published, retained, on every change and on
 * every connect, through the same {@link NewestRetainedPublish} as the LED setting. A refusal is one line on the
 * console and the LCD, and a message on {@code rules/refused}. Nothing here blocks: the publishes are the network
 * worker's jobs.
 */
final class RuleChannel implements LifecycleListener {

    private final RuleTables tables;
    private final String commandTopic;
    private final int qos;
    private final String group;
    private final String refusedTopic;
    private final BrokerSession session;
    private final JobRunner worker;
    private final Clock clock;
    private final long startedMs;
    private final StatusPresenter presenter;
    private final SerialConsole console;
    private final NewestRetainedPublish statePublish;
    private final LifecycleListener next;
    private MqttLink link;
    private boolean connected;

    RuleChannel(RuleTables tables, String commandTopic, int qos, String group, String stateTopic, String refusedTopic,
            BrokerSession session, JobRunner worker, Clock clock, StatusPresenter presenter, SerialConsole console,
            LifecycleListener next) {
        this.tables = tables;
        this.commandTopic = commandTopic;
        this.qos = qos;
        this.group = group;
        this.refusedTopic = refusedTopic;
        this.session = session;
        this.worker = worker;
        this.clock = clock;
        this.startedMs = clock.nowMs();
        this.presenter = presenter;
        this.console = console;
        this.next = next;
        this.statePublish = new NewestRetainedPublish(session, worker, stateTopic, "rule table", console);
    }

    /** The link whose subscriptions follow the table in force; once, before the first step. */
    void follow(MqttLink mqtt) {
        this.link = mqtt;
    }

    /** Says what the tables since the last step did; subscribes and publishes what changed. */
    void step() {
        RuleTables.Outcome outcome = this.tables.take();
        if (outcome == null) {
            return;
        }
        RelayRule[] after = outcome.after();
        String changes = RuleTables.changes(outcome.before(), after);
        String superseded = outcome.superseded() == 0 ? ""
                : " (" + outcome.superseded() + " earlier table" + (outcome.superseded() == 1 ? "" : "s")
                        + " since the last line superseded)";
        if (changes.length() > 0) {
            this.console.println("Rules: " + after.length + " in force (" + changes + ")"
                    + (outcome.kind() == RuleTables.Kind.APPLIED ? superseded : ""));
            this.link.useFilters(new Relay(after, this.qos).subscriptionFilters(this.group));
            publishState();
        } else if (outcome.kind() == RuleTables.Kind.APPLIED) {
            this.console.println("Rules: " + after.length + " in force (unchanged)" + superseded);
            publishState();
        }
        if (outcome.kind() == RuleTables.Kind.REFUSED) {
            this.presenter.notice("Rules refused, the " + after.length + " in force stay: " + outcome.reason()
                    + superseded);
            publishRefusal(outcome.reason());
        } else if (outcome.kind() == RuleTables.Kind.EMPTY) {
            this.console.println("Rules: an empty message on " + this.commandTopic + " changes nothing, the "
                    + after.length + " in force stay" + superseded);
        }
    }

    private void publishState() {
        if (this.connected) {
            this.statePublish.offer(Utf8.encode(this.tables.describeJson()));
        }
    }

    /** Not retained: a refusal is news, not a state. Dropped with a line while the link is down or the worker busy. */
    private void publishRefusal(String reason) {
        if (!this.connected) {
            return;
        }
        final byte[] json = Utf8.encode("{\"reason\": " + JsonReader.quote(reason) + ", \"at\": "
                + (this.clock.nowMs() - this.startedMs) / 1000 + "}");
        Runnable publish = new Runnable() {
            @Override
            public void run() {
                try {
                    RuleChannel.this.session.publish(RuleChannel.this.refusedTopic, json, 1, false);
                } catch (BrokerException e) {
                    RuleChannel.this.console.println("Could not publish the refusal on "
                            + RuleChannel.this.refusedTopic + ": " + e.getMessage());
                }
            }
        };
        if (!this.worker.submit(publish)) {
            this.console.println("Could not publish the refusal on " + this.refusedTopic
                    + ": the network worker is busy");
        }
    }

    @Override
    public void wifiChanged(WifiState state, String detail) {
        this.next.wifiChanged(state, detail);
    }

    @Override
    public void mqttChanged(MqttState state, String detail) {
        this.connected = state == MqttState.CONNECTED;
        this.next.mqttChanged(state, detail);
        if (this.connected) {
            // The table in force, whichever it is: the broker keeps what the board relays by.
            publishState();
        }
    }
}
