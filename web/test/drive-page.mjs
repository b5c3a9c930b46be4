// Drives the web companion page in Debian's headless Chromium with playwright-core, one step at a time, for
// platform/sim's WebCompanionIT: each line on stdin is a JSON step, each line on stdout its JSON result. The Java
// test decides what to check between steps (the board's LED, mosquitto_pub), so the checks stay next to the board.
//
// Steps: {op: "open", url} | {op: "waitText", selector, text, timeoutMs} | {op: "fill", selector, value}
//        {op: "click", selector} | {op: "press", selector, key} | {op: "waitValue", selector, value, timeoutMs}
//        {op: "waitTrue", expression, timeoutMs} | {op: "evaluate", expression} (its JSON value)
//        {op: "console"} (the page's console lines so far) | {op: "screenshot", path} | {op: "close"}
// Rules and telemetry (issue 17), through the page's own controls as a user would use them:
//        {op: "editRules", rules: [{from, to, suffix}]}: the editor made to hold exactly these rules (Remove,
//            Add a rule, typing in the fields); Apply is a separate {op: "click", selector: "#rules-apply"}
//        {op: "rulesInForce"}: {source, rules: [{from, to, suffix}]} as the page shows the board's table
//        {op: "rulesEditor"}: {state, rules: [{from, to, suffix}]}, the editor's badge and fields
//        {op: "telemetry"}: {received, board: {uptime, heap, ...}, rules: [[cell texts]]} as the page shows them
//
// With the real board (the lead's end-to-end test; WebCompanionRulesIT does the same against a stand-in), a third
// hop is, step by step:
//   {op: "open", url: <page with ws and board>}
//   {op: "waitText", selector: "#rules-source", text: "2 rules, from the board's options"}
//   {op: "editRules", rules: [the two option rules, {from: "/test/topic3", to: "/test/topic4",
//                             suffix: " (relay3)"}]}
//   {op: "click", selector: "#rules-apply"}
//   {op: "waitText", selector: "#rules-message", text: "Applied"}      (the board's retained rules came back)
//   {op: "rulesInForce"}                                              (3 rules, "set over MQTT")
//   {op: "fill", selector: "#publish-text", value: "hop"}, {op: "click", selector: "#publish-button"}
//     then mosquitto_sub on /test/topic4 sees "hop (relay1) (relay2) (relay3)" (the chain shows topics 1 to 3)
// and a loop is refused, the old rules kept:
//   {op: "fill", selector: "#rules-editor-rows tr:nth-child(3) .rule-to", value: "/test/topic1"}
//   {op: "click", selector: "#rules-apply"}
//   {op: "waitText", selector: "#rules-refused", text: "The board refused the table"}
//   {op: "rulesInForce"} (still the 3 rules), {op: "rulesEditor"} (state "edited", the loop still there)
//   {op: "click", selector: "#telemetry-refresh"}, {op: "waitText", selector: "#telemetry-received",
//     text: "Document 2"} (one more than before), {op: "telemetry"}
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const CHROMIUM = process.env.RELAYBOARD_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const userDataDir = mkdtempSync(join(tmpdir(), 'relayboard-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 900, height: 900 },
});
const page = context.pages()[0] || await context.newPage();
const consoleLines = [];
page.on('console', (message) => consoleLines.push(message.type() + ': ' + message.text()));
page.on('pageerror', (error) => consoleLines.push('pageerror: ' + error.message));

async function run(step) {
  const timeout = step.timeoutMs || 30000;
  switch (step.op) {
    case 'open':
      await page.goto(step.url, { waitUntil: 'load', timeout });
      return {};
    case 'waitText':
      await page.locator(step.selector).filter({ hasText: step.text }).first().waitFor({ timeout });
      return { text: await page.locator(step.selector).first().innerText() };
    case 'fill':
      await page.locator(step.selector).fill(step.value, { timeout });
      return {};
    case 'click':
      await page.locator(step.selector).click({ timeout });
      return {};
    case 'press':
      await page.locator(step.selector).press(step.key, { timeout });
      return {};
    case 'waitTrue':
      await page.waitForFunction(step.expression, undefined, { timeout });
      return {};
    case 'evaluate':
      return { value: await page.evaluate(step.expression) };
    case 'console':
      return { lines: consoleLines };
    case 'waitValue':
      await page.waitForFunction(([selector, value]) => document.querySelector(selector).value === value,
        [step.selector, step.value], { timeout });
      return {};
    case 'screenshot':
      await page.screenshot({ path: step.path, fullPage: true });
      return {};
    case 'editRules':
      await editRules(step.rules, timeout);
      return {};
    case 'rulesInForce':
      return await page.evaluate(() => ({
        source: document.getElementById('rules-source').textContent,
        rules: [...document.querySelectorAll('#rules-in-force-rows tr')].map((tr) => {
          const cells = [...tr.children].map((td) => td.textContent);
          return { from: cells[1], to: cells[2], suffix: JSON.parse(cells[3]) };
        }),
      }));
    case 'rulesEditor':
      return await page.evaluate(() => ({
        state: document.getElementById('rules-edit-state').textContent,
        rules: [...document.querySelectorAll('#rules-editor-rows tr')].map((tr) => ({
          from: tr.querySelector('.rule-from').value, to: tr.querySelector('.rule-to').value,
          suffix: tr.querySelector('.rule-suffix').value,
        })),
      }));
    case 'telemetry':
      return await page.evaluate(() => {
        const text = (id) => document.getElementById(id).textContent;
        return {
          received: text('telemetry-received'),
          board: {
            uptime: text('tm-uptime'), heap: text('tm-heap'), reconnects: text('tm-reconnects'),
            lastDisconnect: text('tm-last-disconnect'), consoleSkipped: text('tm-console-skipped'),
            loopFaults: text('tm-loop-faults'), rulesSource: text('tm-rules-source'),
          },
          rules: [...document.querySelectorAll('#telemetry-rule-rows tr')]
            .map((tr) => [...tr.children].map((td) => td.textContent)),
        };
      });
    case 'close':
      return {};
    default:
      throw new Error('unknown step ' + step.op);
  }
}

/** Makes the rule editor hold exactly {@code rules}, with the buttons and fields a user has. */
async function editRules(rules, timeout) {
  const rows = page.locator('#rules-editor-rows tr');
  while (await rows.count() > rules.length) {
    await rows.last().locator('.rule-remove').click({ timeout });
  }
  while (await rows.count() < rules.length) {
    await page.locator('#rules-add').click({ timeout });
  }
  for (let i = 0; i < rules.length; i++) {
    for (const field of ['from', 'to', 'suffix']) {
      const input = rows.nth(i).locator('.rule-' + field);
      const wanted = rules[i][field] || '';
      if (await input.inputValue() !== wanted) {
        await input.fill(wanted, { timeout });
      }
    }
  }
}

const input = createInterface({ input: process.stdin });
for await (const line of input) {
  if (!line.trim()) {
    continue;
  }
  const step = JSON.parse(line);
  try {
    const result = await run(step);
    process.stdout.write(JSON.stringify({ ok: true, ...result }) + '\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ ok: false, error: String(error.message || error),
      console: consoleLines }) + '\n');
  }
  if (step.op === 'close') {
    break;
  }
}
await context.close();
rmSync(userDataDir, { recursive: true, force: true });
