// Markup edits: save of Pages/Index.cshtml (the .NET 10 webapp template with Hmr.Build) to the page showing the edit,
// under dotnet watch, in Chromium. Two modes on the same app: Hmr.Build's morph (Hmr:MorphMarkup=true: dotnet watch
// applies the Razor change, the client fetches the page again and morphs it in) and dotnet watch's reload
// (Hmr:MorphMarkup=false: its RefreshBrowser reloads the page). Modes alternate by round, order flipping each round.
// Per edit: the time from the file's write to the driver seeing the new text in the page (polled every 5 ms), and
// whether the page kept its state (text typed into a field, a script's counter, a marker on window).
// Usage (see run.sh, which packs the package first):
//   node driver.mjs --work DIR --feed DIR --version V [--edits 10] [--rounds 2] [--name NAME]   (edits per mode and round)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Child, freePort, run, stopAll, waitForHttp } from '../latency/processes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
for (const required of ['work', 'feed', 'version']) {
  if (!args[required]) throw new Error(`--${required} is required (use run.sh)`);
}
const edits = Number(args.edits ?? 10);
const rounds = Number(args.rounds ?? 2);
const resultName = args.name ?? new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];
const noBuildServers = { MSBUILDDISABLENODEREUSE: '1', DOTNET_CLI_USE_MSBUILD_SERVER: '0', UseSharedCompilation: 'false' };
const log = (message) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const logBeside = (dir, name) => path.join(path.dirname(dir), `${path.basename(dir)}-${name}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// What the page shows: a line the edits change, a field, and a counter a module keeps.
const MARKUP = `
<p id="edit-target">edit 0</p>
<input id="typed" />
<button id="counter" type="button">0</button>
<script type="module" src="~/js/counter.js"></script>
`;
const COUNTER = `let count = 0;
const button = document.getElementById('counter');
button.addEventListener('click', () => { count++; button.textContent = String(count); });
`;

function createProject(dir) {
  const logFile = logBeside(dir, 'build.log');
  run('dotnet', ['new', 'webapp', '--output', dir, '--name', 'MarkupBench', '--no-restore', '--no-update-check'], { cwd: path.dirname(dir), logFile });
  run('dotnet', ['add', path.join(dir, 'MarkupBench.csproj'), 'package', 'Hmr.Build', '--version', args.version, '--no-restore'], { cwd: dir, logFile });
  fs.writeFileSync(path.join(dir, 'Directory.Build.props'),
    `<Project><PropertyGroup><RestoreAdditionalProjectSources>${args.feed}</RestoreAdditionalProjectSources></PropertyGroup></Project>\n`);
  fs.writeFileSync(path.join(dir, 'Directory.Build.targets'), '<Project />\n');
  fs.writeFileSync(path.join(dir, 'Directory.Packages.props'), '<Project />\n');
  fs.appendFileSync(path.join(dir, 'Pages', 'Index.cshtml'), MARKUP);
  fs.writeFileSync(path.join(dir, 'wwwroot', 'js', 'counter.js'), COUNTER);
  run('dotnet', ['build', '-nodeReuse:false', '-p:UseSharedCompilation=false'], { cwd: dir, logFile, env: noBuildServers });
}

async function startWatch(dir, morph) {
  const port = await freePort();
  const child = new Child('dotnet', ['watch', 'run', '--non-interactive', '--project', dir, '--', '--urls', `http://127.0.0.1:${port}`],
    { cwd: dir, env: { ...noBuildServers, DOTNET_WATCH_SUPPRESS_LAUNCH_BROWSER: '1', ASPNETCORE_ENVIRONMENT: 'Development', Hmr__MorphMarkup: String(morph) },
      logFile: logBeside(dir, `watch-${morph ? 'morph' : 'reload'}.log`) });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/`, child, 5 * 60 * 1000);
  return { child, url };
}

/** The page as a user leaves it before an edit: text typed, the counter 3 clicks further, a marker a reload would
 * lose. Returns the counter's text the page should still show after the edit. */
async function putState(page) {
  await page.waitForFunction(() => window.__hmrPreambleLoaded && document.querySelector('script[src*="aspnetcore-browser-refresh"]'), null, { timeout: 30000 });
  await page.fill('#typed', 'typed by user');
  for (let i = 0; i < 3; i++) await page.click('#counter');
  await page.evaluate(() => { window.__benchMarker = true; });
  await sleep(1500); // dotnet watch's script opens its socket 500 ms after load; its handshake and ours settle
  return page.evaluate(() => document.getElementById('counter').textContent);
}

async function readState(page, counter) {
  return page.evaluate((expected) => ({
    typed: document.getElementById('typed')?.value === 'typed by user',
    counter: document.getElementById('counter')?.textContent === expected,
    marker: window.__benchMarker === true,
  }), counter);
}

async function waitForText(page, text, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await page.evaluate((t) => document.getElementById('edit-target')?.textContent === t, text)) return Date.now();
    } catch { /* the page is navigating (a reload) */ }
    if (Date.now() > deadline) throw new Error(`the page never showed '${text}'`);
    await sleep(5);
  }
}

async function runMode(browser, dir, morph, counter) {
  const { child, url } = await startWatch(dir, morph);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${url}/`, { waitUntil: 'load', timeout: 120000 });
  const samples = [];
  const view = path.join(dir, 'Pages', 'Index.cshtml');
  try {
    for (let i = 0; i < edits; i++) {
      const expectedCounter = await putState(page);
      const before = `edit ${counter.value}`;
      const after = `edit ${++counter.value}`;
      const started = Date.now();
      fs.writeFileSync(view, fs.readFileSync(view, 'utf8').replace(before, after));
      const shown = await waitForText(page, after, 60000);
      await page.waitForLoadState('load');
      const state = await readState(page, expectedCounter);
      samples.push({ ms: shown - started, kept: state.typed && state.counter && state.marker, ...state });
      log(`${morph ? 'morph ' : 'reload'} ${after}: ${shown - started} ms, state ${samples.at(-1).kept ? 'kept' : 'lost'}`);
    }
  } finally {
    await context.close();
    await child.stop();
  }
  return { samples, problems };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const result = { name: resultName, startedAt: new Date().toISOString(), loadAverage: { start: os.loadavg() },
  versions: { sdk: args.sdk, hmrBuild: args.version }, editsPerRound: edits, rounds, modes: { morph: [], reload: [] } };
let browser;
try {
  const dir = path.join(args.work, 'MarkupBench');
  log('creating and building the webapp template with Hmr.Build');
  createProject(dir);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const counter = { value: 0 };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [true, false] : [false, true];
    for (const morph of order) {
      const { samples, problems } = await runMode(browser, dir, morph, counter);
      result.modes[morph ? 'morph' : 'reload'].push(...samples);
      if (problems.length > 0) log(`problems (${morph ? 'morph' : 'reload'}): ${problems.join('; ')}`);
    }
  }
  result.loadAverage.end = os.loadavg();
  console.log('\n| mode | edits | median ms | p90 ms | min–max ms | state kept |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [mode, samples] of Object.entries(result.modes)) {
    const ms = samples.map((s) => s.ms);
    result[`${mode}Summary`] = { median: median(ms), p90: percentile(ms, 90), min: Math.min(...ms), max: Math.max(...ms), kept: samples.filter((s) => s.kept).length };
    const s = result[`${mode}Summary`];
    console.log(`| ${mode} | ${samples.length} | ${s.median} | ${s.p90} | ${s.min}–${s.max} | ${s.kept} of ${samples.length} |`);
  }
  console.log(`load average: start ${result.loadAverage.start.map((l) => l.toFixed(2)).join(' ')}, end ${result.loadAverage.end.map((l) => l.toFixed(2)).join(' ')}`);
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  fs.writeFileSync(path.join(here, 'results', `${resultName}.json`), JSON.stringify(result, null, 2));
} finally {
  await browser?.close();
  await stopAll();
}
