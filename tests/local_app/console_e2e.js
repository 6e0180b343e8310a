#!/usr/bin/env node
'use strict';
// The Admin Console in a real browser: serves the console and the API locally
// (tools/local/console.py: the ui/ folder, the Lambda handler, dynalite), drives headless
// Debian Chromium through playwright-core, and checks what a user sees: the loading state, an
// empty list, a created user listed, a validation error from the API, and the user deleted.
// Saves screenshots into the work folder.
//   node tests/local_app/console_e2e.js <python3> <work dir>
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const readline = require('readline');

const ROOT = path.resolve(__dirname, '..', '..');
const { chromium } = require(path.join(ROOT, 'node_modules', 'playwright-core'));
const CHROMIUM = process.env.CDKPP_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = 15000;

if (process.argv.length !== 4) {
  console.error('usage: node tests/local_app/console_e2e.js <python3> <work dir>');
  process.exit(2);
}
const [python, work] = process.argv.slice(2);

// Starts the local console; resolves with its URL once it prints it.
function startConsole() {
  const server = spawn(python, [path.join(ROOT, 'tools', 'local', 'console.py'), '--port', '0'], {
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the console did not start in 20 s')), 20000);
    readline.createInterface({ input: server.stdout }).on('line', (line) => {
      const match = /^console: (http:\/\/\S+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`the console exited with ${code}`)));
  });
  return { server, url };
}

function stop(server) {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.on('exit', resolve);
    server.kill('SIGTERM');
    setTimeout(() => server.kill('SIGKILL'), 5000).unref();
  });
}

async function expectText(locator, text) {
  const match = locator.filter({ hasText: text }).first();
  await match.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
}

// Sends one raw HTTP request and resolves with the status line of the answer.
function rawRequest(url, text) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => { answer += chunk; });
    socket.on('end', () => resolve(answer.split('\r\n')[0]));
    socket.on('error', reject);
  });
}

// Requests no browser sends still get an answer, and nothing outside ui/ is served.
async function checkBadRequests(url) {
  const expectations = [
    ['GET /%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'HTTP/1.0 404 Not Found'],
    ['GET /../tools/local/console.py HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      'HTTP/1.0 404 Not Found'],
    ['POST /api/users HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n',
      'HTTP/1.0 400 Bad Request'],
    ['POST /api/users HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\nConnection: close\r\n\r\n',
      'HTTP/1.0 400 Bad Request'],
  ];
  for (const [request, expected] of expectations) {
    const status = await rawRequest(url, request);
    if (status !== expected) {
      throw new Error(`${JSON.stringify(request.split('\r\n')[0])}: got ${JSON.stringify(status)}`);
    }
  }
}

async function run(page, url) {
  const step = (name) => console.log(`== ${name}`);

  step('the first load shows the loading state, then an empty list');
  let releaseFirstLoad;
  const firstLoadHeld = new Promise((resolve) => { releaseFirstLoad = resolve; });
  await page.route('**/api/users', async (route) => {
    await firstLoadHeld;
    await route.continue();
  }, { times: 1 });
  await page.goto(url);
  await expectText(page.locator('#loading'), 'Loading users');
  releaseFirstLoad();
  await page.locator('#loading').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
  await expectText(page.locator('#empty'), 'No users yet.');

  step('creating a user lists it');
  await page.getByLabel('Name').fill('Ada Lovelace');
  await page.getByLabel('E-mail').fill('ada@example.com');
  await page.getByRole('button', { name: 'Create' }).click();
  await expectText(page.locator('#message'), 'Created Ada Lovelace.');
  const row = page.locator('#users tbody tr', { hasText: 'Ada Lovelace' });
  await row.waitFor({ timeout: TIMEOUT_MS });
  await expectText(row, 'ada@example.com');
  if ((await page.locator('#users tbody tr').count()) !== 1) throw new Error('expected one row');
  await page.screenshot({ path: path.join(work, 'console-user-created.png'), fullPage: true });

  step('an address the API refuses shows its error');
  await page.getByLabel('Name').fill('Bob');
  await page.getByLabel('E-mail').fill('bob-at-example');
  await page.getByRole('button', { name: 'Create' }).click();
  await expectText(page.locator('#message'),
    "Cannot create the user: 'email' must look like name@example.com");
  if ((await page.locator('#users tbody tr').count()) !== 1) {
    throw new Error('the refused user was listed');
  }
  await page.screenshot({ path: path.join(work, 'console-validation-error.png'), fullPage: true });

  step('deleting the user empties the list');
  await page.getByRole('button', { name: 'Delete Ada Lovelace' }).click();
  await expectText(page.locator('#message'), 'Deleted Ada Lovelace.');
  await expectText(page.locator('#empty'), 'No users yet.');

  step('a reload shows what the API stored');
  await page.reload();
  await expectText(page.locator('#empty'), 'No users yet.');
  await page.screenshot({ path: path.join(work, 'console.png'), fullPage: true });
}

async function main() {
  fs.mkdirSync(work, { recursive: true });
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (bash .ci/setup)`);
  }
  const { server, url } = startConsole();
  let browser;
  try {
    const consoleUrl = await url;
    console.log('== requests no browser sends');
    await checkBadRequests(consoleUrl);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await run(page, consoleUrl);
    if (pageErrors.length > 0) throw new Error(`errors in the page: ${pageErrors.join('; ')}`);
    console.log(`ok: the console works; screenshots in ${work}`);
  } finally {
    if (browser) await browser.close();
    await stop(server);
  }
}

main().catch((error) => {
  console.error(`FAIL: ${error.message}`);
  process.exit(1);
});
