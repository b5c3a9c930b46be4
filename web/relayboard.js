// RelayBoard's web companion: MQTT over WebSockets with mqtt.js (the global `mqtt` of its browser bundle).
//
// Page parameters: ?ws=ws://host:port/mqtt  the broker's WebSockets URL (default: this page's own host and port,
//                                           as when mosquitto serves the page from its http_dir)
//                  &username=maker          a user name for the broker (the page then waits for its password)
//                  &board=relayboard-a1b2c3 the board's client id (default: the first board whose status comes in)
// The password is only ever typed into its field: it is kept in memory for this page's connection (mqtt.js
// needs it to reconnect), never in the address, the browser's storage or the console.
'use strict';

const params = new URLSearchParams(location.search);
const RELAY_TOPICS = ['/test/topic1', '/test/topic2', '/test/topic3'];
const STATUS_FILTER = 'relayboard/+/status';
const LED_QOS = 1;
const RECONNECT_PERIOD_MS = 2000;
const CONNECT_TIMEOUT_MS = 10000;
/** One client id per page: a second page (another tab) does not take this one's session over. */
const CLIENT_ID = 'relayboard-web-' + Math.random().toString(16).slice(2, 10);

let boardId = params.get('board');
const decoder = new TextDecoder('utf-8');
const $ = (id) => document.getElementById(id);

function setBadge(element, text) {
  element.textContent = text;
  element.className = 'badge ' + text;
}

// ---------------------------------------------------------------- the connection

/**
 * The page's link to the broker:
 *   DISCONNECTED --Connect--> CONNECTING --CONNACK accepted--> CONNECTED --link lost--> RECONNECTING
 *   RECONNECTING --CONNACK accepted--> CONNECTED (mqtt.js retries every RECONNECT_PERIOD_MS)
 *   CONNECTING or RECONNECTING --CONNACK refused--> DISCONNECTED, the refusal in words: a wrong password stays
 *     wrong, so the page does not retry it (the broker may also count failed logins)
 *   CONNECTING --WebSocket fails or no CONNACK in time--> DISCONNECTED, "cannot reach": the address is likely wrong
 *   any --Disconnect--> DISCONNECTED
 * The fields can be edited only while DISCONNECTED; the one button connects or disconnects (Enter submits).
 */
const State = Object.freeze({
  DISCONNECTED: 'disconnected', CONNECTING: 'connecting', CONNECTED: 'connected', RECONNECTING: 'reconnecting',
});
let state = State.DISCONNECTED;
/** The mqtt.js client of the current attempt; events of an earlier one are ignored. */
let client = null;

function enter(next, message, trouble) {
  state = next;
  setBadge($('connection'), next);
  const idle = next === State.DISCONNECTED;
  $('connect-fields').disabled = !idle;
  $('connect-button').textContent = idle ? 'Connect' : 'Disconnect';
  $('publish-button').disabled = idle;
  $('connection-message').textContent = message || '';
  $('connection-message').className = trouble ? 'message trouble' : 'message';
  if (idle) {
    setBadge($('board-status'), 'unknown');
  }
}

/** @return the MQTT 3.1.1 CONNACK return code in words, for a maker who typed the user name and password */
function refusalWords(code, username) {
  switch (code) {
    case 1: return 'unacceptable protocol version (code 1): the broker does not speak MQTT 3.1.1';
    case 2: return 'identifier rejected (code 2): the broker does not accept the page\'s client id ' + CLIENT_ID;
    case 3: return 'server unavailable (code 3): the broker cannot serve MQTT now; try again later';
    case 4: return 'bad user name or password (code 4): check both';
    case 5: return username
      ? 'not authorized (code 5): check the user name and password (mosquitto answers a wrong password this way)'
      : 'not authorized (code 5): this broker wants a user name and password (mosquitto 2 refuses anonymous '
        + 'clients by default)';
    default: return 'code ' + code;
  }
}

/** Keeps the settings that worked in the address (never the password), so that a reload or bookmark has them. */
function rememberInAddress(wsUrl, username) {
  params.set('ws', wsUrl);
  if (username) {
    params.set('username', username);
  } else {
    params.delete('username');
  }
  params.delete('password');
  history.replaceState(null, '', '?' + params.toString());
}

function connect() {
  const wsUrl = $('broker-ws').value.trim();
  const username = $('broker-username').value.trim();
  const password = $('broker-password').value;
  let parsed = null;
  try {
    parsed = new URL(wsUrl);
  } catch (notAUrl) {
    // Told below.
  }
  if (!parsed || (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:')) {
    enter(State.DISCONNECTED, 'Not a WebSockets URL: "' + wsUrl + '" (it looks like ws://broker:8083/mqtt, or '
      + 'wss:// with TLS).', true);
    $('broker-ws').focus();
    return;
  }
  if (password && !username) {
    // MQTT 3.1.1 (3.1.2.9) sends no password without a user name.
    enter(State.DISCONNECTED, 'A password needs a user name: fill in both, or neither for an anonymous broker.',
      true);
    $('broker-username').focus();
    return;
  }
  const attempt = mqtt.connect(wsUrl, {
    clientId: CLIENT_ID,
    clean: true,
    username: username || undefined,
    password: password || undefined,
    reconnectPeriod: RECONNECT_PERIOD_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // mqtt.js 5.16 does not retry a refused CONNACK unless told to; the 'error' handler below also ends the
    // client, so the page stops whatever the version's default.
    reconnectOnConnackError: false,
  });
  client = attempt;
  enter(State.CONNECTING, 'Connecting to ' + wsUrl + (username ? ' as ' + username : ' (anonymous)') + '\u2026');

  attempt.on('connect', () => {
    if (attempt !== client) {
      return;
    }
    enter(State.CONNECTED, 'Connected to ' + wsUrl + (username ? ' as ' + username : ' (anonymous)') + '.');
    rememberInAddress(wsUrl, username);
    attempt.subscribe([STATUS_FILTER, STATUS_FILTER + '/detail'], { qos: 1 });
    attempt.subscribe(RELAY_TOPICS, { qos: 1 });
    if (boardId) {
      watchBoard(boardId);
    }
  });
  attempt.on('error', (error) => {
    if (attempt !== client || typeof error.code !== 'number') {
      return; // a stream error: its 'close' follows and says what it means
    }
    attempt.end(true);
    enter(State.DISCONNECTED, 'The broker at ' + wsUrl + ' refused the connection: '
      + refusalWords(error.code, username) + '.', true);
    $(username ? 'broker-password' : 'broker-username').focus();
  });
  attempt.on('close', () => {
    if (attempt !== client) {
      return;
    }
    if (state === State.CONNECTING) {
      // No CONNACK came on this address: the WebSocket failed, or what answered there does not speak MQTT.
      attempt.end(true);
      enter(State.DISCONNECTED, 'Cannot reach the broker at ' + wsUrl + ': check the address, and that the broker '
        + 'listens for WebSockets there (mosquitto: a listener with "protocol websockets").', true);
      $('broker-ws').focus();
    } else if (state === State.CONNECTED) {
      enter(State.RECONNECTING, 'Lost the connection to ' + wsUrl + ': trying again every '
        + RECONNECT_PERIOD_MS / 1000 + ' s (Disconnect to stop).', true);
    }
  });
  attempt.on('message', received);
}

function disconnect() {
  if (client) {
    client.end();
    client = null;
  }
  enter(State.DISCONNECTED, 'Disconnected.');
}

$('connect-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (state === State.DISCONNECTED) {
    connect();
  } else {
    disconnect();
  }
});

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

function received(topic, payload) {
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
}

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
  if (client) {
    client.publish(RELAY_TOPICS[0], text, { qos: 1 });
  }
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
  if (boardId && client) {
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

// ---------------------------------------------------------------- start

$('broker-ws').value = params.get('ws') || ('ws://' + location.host + '/mqtt');
$('broker-username').value = params.get('username') || '';
if (params.has('password')) {
  // An address is kept in the history, the server's log and bookmarks: take it out, and do not use it.
  params.delete('password');
  history.replaceState(null, '', '?' + params.toString());
  enter(State.DISCONNECTED, 'The password in the page\'s address was not used, and is removed from it: type it in '
    + 'the Password field.', true);
  $('broker-password').focus();
} else if ($('broker-username').value) {
  enter(State.DISCONNECTED, 'Type the password for ' + $('broker-username').value + ', then Enter.');
  $('broker-password').focus();
} else {
  // No user name: an anonymous broker, such as the simulator's, is connected at once, as before.
  connect();
}
