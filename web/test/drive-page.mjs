// Drives the web companion page in Debian's headless Chromium with playwright-core, one step at a time, for
// platform/sim's WebCompanionIT: each line on stdin is a JSON step, each line on stdout its JSON result. The Java
// test decides what to check between steps (the board's LED, mosquitto_pub), so the checks stay next to the board.
//
// Steps: {op: "open", url} | {op: "waitText", selector, text, timeoutMs} | {op: "fill", selector, value}
//        {op: "click", selector} | {op: "press", selector, key} | {op: "waitValue", selector, value, timeoutMs}
//        {op: "waitTrue", expression, timeoutMs} | {op: "evaluate", expression} (its JSON value)
//        {op: "console"} (the page's console lines so far) | {op: "screenshot", path} | {op: "close"}
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
    case 'close':
      return {};
    default:
      throw new Error('unknown step ' + step.op);
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
