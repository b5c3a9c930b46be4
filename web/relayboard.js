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
  showRulesControls();
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
  $('rules-set-topic').textContent = rulesSetTopic();
  client.subscribe([rulesTopic(), rulesRefusedTopic(), telemetryTopic()], { qos: RULES_QOS });
  showRulesControls();
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
  if (boardId && topic === rulesTopic()) {
    rulesArrived(text);
    return;
  }
  if (boardId && topic === rulesRefusedTopic()) {
    refusalArrived(text);
    return;
  }
  if (boardId && topic === telemetryTopic()) {
    telemetryArrived(text);
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

// ---------------------------------------------------------------- the rules
// Everything the board sends is untrusted text: it reaches the page through textContent and input values only.

/** The wire format's limits (rules-spec: 1 to 8 rules). */
const MAX_RULES = 8;
const RULES_QOS = 1;
const rulesTopic = () => 'relayboard/' + boardId + '/rules';
const rulesSetTopic = () => rulesTopic() + '/set';
const rulesRefusedTopic = () => rulesTopic() + '/refused';
const telemetryTopic = () => 'relayboard/' + boardId + '/telemetry';
const telemetryGetTopic = () => telemetryTopic() + '/get';

/**
 * The rule editor, next to the rules in force (the board's retained table on rules):
 *   IN_STEP --a table comes on rules--> IN_STEP, the editor shows it
 *   IN_STEP or SENT --the user changes a field, adds or removes a rule--> EDITED
 *   EDITED --a table comes on rules--> EDITED: the user's table is kept, a line says the board's changed
 *   EDITED --Discard--> IN_STEP, the editor shows the rules in force
 *   EDITED --Apply--> SENT: the whole table published, retained, on rules/set
 *   SENT --the table sent comes back on rules--> IN_STEP, "applied"
 *   SENT --a refusal comes on rules/refused--> EDITED: the reason shown, the user's table kept to fix it
 * A refusal that comes in another state (someone else's table) is shown too.
 */
const Edit = Object.freeze({ IN_STEP: 'in step', EDITED: 'edited', SENT: 'sent' });
let editState = Edit.IN_STEP;
/** The table in force as the board last published it ([{from, to, suffix}]), or null before any. */
let inForce = null;
/** The editor's table, the user's while EDITED or SENT. */
let draft = [];
/** The table last published on rules/set, while SENT. */
let sent = null;

function enterEdit(next, message, trouble) {
  editState = next;
  const badge = $('rules-edit-state');
  badge.textContent = next;
  badge.className = 'badge ' + next.replace(' ', '-');
  if (message !== undefined) {
    $('rules-message').textContent = message;
    $('rules-message').className = trouble ? 'message trouble' : 'message';
  }
  showRulesControls();
}

function showRulesControls() {
  const usable = state === State.CONNECTED && !!boardId;
  $('rules-add').disabled = !usable || draft.length >= MAX_RULES;
  $('rules-apply').disabled = !usable || editState !== Edit.EDITED;
  $('rules-discard').disabled = editState === Edit.IN_STEP || inForce === null;
  $('telemetry-refresh').disabled = !usable;
}

/** @return the value as text for the page: a string as it is, anything else as JSON */
function asText(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** @return the rule with the three fields the page edits, as strings ("suffix" absent = empty, as the spec says) */
function ruleOf(rule) {
  const r = rule && typeof rule === 'object' ? rule : {};
  return {
    from: r.from === undefined ? '' : asText(r.from),
    to: r.to === undefined ? '' : asText(r.to),
    suffix: r.suffix === undefined || r.suffix === null ? '' : asText(r.suffix),
  };
}

function sameTable(a, b) {
  return a !== null && b !== null && a.length === b.length
    && a.every((rule, i) => rule.from === b[i].from && rule.to === b[i].to && rule.suffix === b[i].suffix);
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  return td;
}

function rulesArrived(text) {
  const rows = $('rules-in-force-rows');
  if (!text) {
    // The retained table was cleared on the broker: the board's rules are unknown until it publishes them again.
    inForce = null;
    rows.replaceChildren();
    $('rules-source').textContent = '(no table on ' + rulesTopic() + ' yet)';
    showRulesControls();
    return;
  }
  let table;
  try {
    table = JSON.parse(text);
  } catch (notJson) {
    table = null;
  }
  if (!table || !Array.isArray(table.rules)) {
    $('rules-source').textContent = '(not a rule table on ' + rulesTopic() + ': ' + text.slice(0, 200) + ')';
    return;
  }
  const before = inForce;
  inForce = table.rules.map(ruleOf);
  rows.replaceChildren(...inForce.map((rule, i) => {
    const tr = document.createElement('tr');
    tr.append(cell(String(i + 1)), cell(rule.from), cell(rule.to), cell(JSON.stringify(rule.suffix)));
    return tr;
  }));
  const source = table.source;
  $('rules-source').textContent = inForce.length + (inForce.length === 1 ? ' rule, ' : ' rules, ')
    + (source === 'options' ? 'from the board\'s options'
      : source === 'mqtt' ? 'set over MQTT (the broker keeps them)'
        : 'from ' + asText(source === undefined ? 'an unnamed source' : source));

  if (editState === Edit.SENT && sameTable(inForce, sent)) {
    sent = null;
    draft = inForce.map((rule) => ({ ...rule }));
    showDraft();
    $('rules-refused').textContent = '';
    enterEdit(Edit.IN_STEP, 'Applied: the board relays by these ' + inForce.length + ' rules now.');
  } else if (editState === Edit.IN_STEP) {
    draft = inForce.map((rule) => ({ ...rule }));
    showDraft();
    showRulesControls();
  } else if (!sameTable(before, inForce)) {
    // The same table again (the broker resends it after a reconnect) is no news.
    enterEdit(editState, 'The rules in force changed while you were editing; your changes are kept (Discard to '
      + 'take the board\'s).');
  } else {
    showRulesControls();
  }
}

function refusalArrived(text) {
  let refusal;
  try {
    refusal = JSON.parse(text);
  } catch (notJson) {
    refusal = null;
  }
  const reason = refusal && refusal.reason !== undefined ? asText(refusal.reason) : text;
  const at = refusal && typeof refusal.at === 'number' ? ' (at the board\'s uptime ' + refusal.at + ' s)' : '';
  $('rules-refused').textContent = 'The board refused the table' + at + ': ' + reason
    + '. The rules in force are unchanged.';
  $('rules-refused').className = 'message trouble';
  if (editState === Edit.SENT) {
    sent = null;
    enterEdit(Edit.EDITED, 'Not applied: fix the table and Apply again, or Discard.', true);
  }
}

/** Builds the editor's rows from the draft: on a structural change only, so typing keeps its focus. */
function showDraft() {
  $('rules-editor-rows').replaceChildren(...draft.map((rule, i) => {
    const tr = document.createElement('tr');
    tr.append(cell(String(i + 1)));
    for (const field of ['from', 'to', 'suffix']) {
      const input = document.createElement('input');
      input.type = 'text';
      input.className = 'rule-' + field;
      input.spellcheck = false;
      input.autocomplete = 'off';
      input.value = rule[field];
      input.setAttribute('aria-label', 'rule ' + (i + 1) + ' ' + field);
      input.addEventListener('input', () => {
        draft[i][field] = input.value;
        edited();
      });
      const td = document.createElement('td');
      td.append(input);
      tr.append(td);
    }
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'rule-remove';
    remove.textContent = 'Remove';
    remove.addEventListener('click', () => {
      draft.splice(i, 1);
      showDraft();
      edited();
    });
    const td = document.createElement('td');
    td.append(remove);
    tr.append(td);
    return tr;
  }));
}

function edited() {
  enterEdit(Edit.EDITED, 'Unsaved changes: Apply publishes the whole table.');
}

$('rules-add').addEventListener('click', () => {
  if (draft.length >= MAX_RULES) {
    return;
  }
  draft.push({ from: '', to: '', suffix: '' });
  showDraft();
  edited();
  $('rules-editor-rows').lastElementChild.querySelector('.rule-from').focus();
});

$('rules-discard').addEventListener('click', () => {
  sent = null;
  draft = (inForce || []).map((rule) => ({ ...rule }));
  showDraft();
  enterEdit(Edit.IN_STEP, 'Discarded: the editor shows the rules in force.');
});

$('rules-apply').addEventListener('click', () => {
  if (!client || !boardId) {
    return;
  }
  if (draft.length === 0) {
    // An empty table is not a command the board takes (1 to 8 rules), and an empty message changes nothing.
    enterEdit(Edit.EDITED, 'A table needs 1 to ' + MAX_RULES + ' rules: add one, or Discard.', true);
    return;
  }
  sent = draft.map((rule) => ({ ...rule }));
  const command = JSON.stringify({ rules: sent.map((r) => ({ from: r.from, to: r.to, suffix: r.suffix })) });
  // Retained: a board that is offline, or restarts, takes the table when it (re)connects.
  client.publish(rulesSetTopic(), command, { qos: RULES_QOS, retain: true });
  enterEdit(Edit.SENT, 'Sent to ' + rulesSetTopic() + '; waiting for the board\'s answer.');
});

// ---------------------------------------------------------------- telemetry

let telemetryDocuments = 0;

/** @return a duration in seconds as "1 h 2 min 3 s" */
function duration(seconds) {
  const h = Math.floor(seconds / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return (h ? h + ' h ' : '') + (h || min ? min + ' min ' : '') + s + ' s';
}

/** @return a figure for the page: a number as it is (with a unit), null as "none yet", anything else as text */
function figure(value, unit) {
  if (value === null || value === undefined) {
    return value === null ? 'none yet' : '?';
  }
  return typeof value === 'number' ? value + (unit || '') : asText(value);
}

function dropped(counts) {
  if (!counts || typeof counts !== 'object') {
    return figure(counts);
  }
  const reasons = Object.keys(counts);
  if (reasons.length === 0) {
    return '0';
  }
  const total = reasons.reduce((sum, reason) => sum + (typeof counts[reason] === 'number' ? counts[reason] : 0), 0);
  return total + ' (' + reasons.map((reason) => reason + ': ' + figure(counts[reason])).join(', ') + ')';
}

function telemetryArrived(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (notJson) {
    doc = null;
  }
  if (!doc || typeof doc !== 'object') {
    $('telemetry-received').textContent = text ? 'Not a telemetry document: ' + text.slice(0, 200) : '(none)';
    return;
  }
  telemetryDocuments++;
  $('telemetry-received').textContent = 'Document ' + telemetryDocuments + ' received at '
    + new Date().toLocaleTimeString() + ' (the page\'s clock).';
  $('tm-uptime').textContent = typeof doc.uptimeS === 'number'
    ? duration(doc.uptimeS) + ' (' + doc.uptimeS + ' s)' : figure(doc.uptimeS);
  $('tm-heap').textContent = figure(doc.freeHeapB, ' B');
  $('tm-reconnects').textContent = figure(doc.reconnects);
  $('tm-last-disconnect').textContent = figure(doc.lastDisconnect);
  $('tm-console-skipped').textContent = figure(doc.consoleSkipped);
  $('tm-loop-faults').textContent = figure(doc.loopFaults);
  $('tm-rules-source').textContent = doc.rulesSource === 'options' ? 'the board\'s options'
    : doc.rulesSource === 'mqtt' ? 'MQTT' : figure(doc.rulesSource);
  const rules = Array.isArray(doc.rules) ? doc.rules : [];
  $('telemetry-rule-rows').replaceChildren(...rules.map((rule) => {
    const r = rule && typeof rule === 'object' ? rule : {};
    const tr = document.createElement('tr');
    tr.append(cell(figure(r.rule)), cell(figure(r.from) + ' \u2192 ' + figure(r.to)), cell(figure(r.received)),
      cell(figure(r.relayed)), cell(dropped(r.dropped)), cell(figure(r.inFlight)), cell(figure(r.ackMsP50, ' ms')),
      cell(figure(r.ackMsP99, ' ms')));
    return tr;
  }));
}

$('telemetry-refresh').addEventListener('click', () => {
  if (client && boardId) {
    // Any payload asks; not retained, so that nobody's later subscription asks again.
    client.publish(telemetryGetTopic(), 'now', { qos: RULES_QOS });
    $('telemetry-received').textContent = 'Asked for a document at ' + new Date().toLocaleTimeString() + '\u2026';
  }
});

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
