// RelayBoard's web companion: MQTT over WebSockets with mqtt.js (the global `mqtt` of its browser bundle).
//
// Page parameters: ?ws=ws://host:port/mqtt  the broker's WebSockets URL (default: this page's own host and port,
//                                           as when mosquitto serves the page from its http_dir)
//                  &board=relayboard-a1b2c3 the board's client id (default: the first board whose status comes in)
'use strict';

const params = new URLSearchParams(location.search);
const wsUrl = params.get('ws') || ('ws://' + location.host + '/mqtt');
const RELAY_TOPICS = ['/test/topic1', '/test/topic2', '/test/topic3'];
const STATUS_FILTER = 'relayboard/+/status';
const LED_QOS = 1;

let boardId = params.get('board');
const decoder = new TextDecoder('utf-8');
const $ = (id) => document.getElementById(id);

const client = mqtt.connect(wsUrl, {
  clientId: 'relayboard-web-' + Math.random().toString(16).slice(2, 10),
  clean: true,
  reconnectPeriod: 2000,
  connectTimeout: 10000,
});
$('broker-url').textContent = wsUrl;

function setBadge(element, text) {
  element.textContent = text;
  element.className = 'badge ' + text;
}

client.on('connect', () => {
  setBadge($('connection'), 'connected');
  client.subscribe([STATUS_FILTER, STATUS_FILTER + '/detail'], { qos: 1 });
  client.subscribe(RELAY_TOPICS, { qos: 1 });
  if (boardId) {
    watchBoard(boardId);
  }
});
client.on('close', () => setBadge($('connection'), 'disconnected'));
client.on('error', (error) => { $('connection').title = String(error); });

/** Follows one board: its status and its LED state. */
function watchBoard(id) {
  boardId = id;
  $('board-id').textContent = id;
  $('led-set-topic').textContent = ledSetTopic();
  $('led-state-topic').textContent = ledStateTopic();
  client.subscribe(ledStateTopic(), { qos: 1 });
}

const ledSetTopic = () => 'relayboard/' + boardId + '/led/set';
const ledStateTopic = () => 'relayboard/' + boardId + '/led';

client.on('message', (topic, payload) => {
  const text = decoder.decode(payload);
  const status = /^relayboard\/([^/]+)\/status(\/detail)?$/.exec(topic);
  if (status) {
    if (!boardId && !status[2]) {
      watchBoard(status[1]);
    }
    if (status[1] === boardId) {
      if (status[2]) {
        $('board-detail').textContent = text;
      } else {
        setBadge($('board-status'), text || 'unknown');
      }
    }
    return;
  }
  if (boardId && topic === ledStateTopic()) {
    showLedState(text);
    return;
  }
  const hop = RELAY_TOPICS.indexOf(topic);
  if (hop >= 0) {
    relayed(hop, text, performance.now());
  }
});

// ---------------------------------------------------------------- the relay chain

/** One row per message published to the chain's start: each later hop lands in the row it extends. */
const rows = [];

function relayed(hop, text, atMs) {
  let row;
  if (hop === 0) {
    row = { texts: [text], times: [atMs], tr: document.createElement('tr') };
    for (let i = 0; i < RELAY_TOPICS.length; i++) {
      row.tr.appendChild(document.createElement('td'));
    }
    rows.push(row);
    $('chain').prepend(row.tr);
  } else {
    // A hop's payload is the previous hop's plus a suffix: the oldest row still waiting for it.
    row = rows.find((r) => r.texts.length === hop && text.startsWith(r.texts[hop - 1]));
    if (!row) {
      return; // the start was published before this page connected
    }
    row.texts.push(text);
    row.times.push(atMs);
  }
  const cell = row.tr.children[hop];
  cell.textContent = text;
  if (hop > 0) {
    const took = document.createElement('span');
    took.className = 'hop';
    took.textContent = '+' + (atMs - row.times[hop - 1]).toFixed(1) + ' ms';
    cell.appendChild(took);
  }
}

$('publish-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('publish-text').value;
  client.publish(RELAY_TOPICS[0], text, { qos: 1 });
});

// ---------------------------------------------------------------- the LED

const level = $('led-level');
const color = $('led-color');
/** While the slider is held, the board's state does not move it under the user's finger. */
let holding = false;

level.addEventListener('pointerdown', () => { holding = true; });
level.addEventListener('pointerup', () => { holding = false; });
level.addEventListener('input', () => { $('led-level-value').textContent = level.value; });
level.addEventListener('change', () => sendLed({ level: Number(level.value) }));
color.addEventListener('change', () => sendLed({ color: color.value.toUpperCase() }));

/** Retained, like seed 002's LED command: a board that (re)starts applies it first. */
function sendLed(command) {
  if (boardId) {
    client.publish(ledSetTopic(), JSON.stringify(command), { qos: LED_QOS, retain: true });
  }
}

function showLedState(text) {
  $('led-state').textContent = text || '(no state)';
  let state;
  try {
    state = JSON.parse(text);
  } catch (e) {
    return;
  }
  if (typeof state.level === 'number' && !holding) {
    level.value = String(state.level);
    $('led-level-value').textContent = String(state.level);
  }
  if (typeof state.color === 'string' && /^#[0-9A-Fa-f]{6}$/.test(state.color)) {
    color.value = state.color.toLowerCase();
  }
}
