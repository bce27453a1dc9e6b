// Page load in Chromium, Hmr.Build (dotnet watch, pre-bundled dependencies) side by side with Vite 7 (dev server with
// its dependency optimizer), on the same index.html + main.js importing a dozen npm packages (site.mjs).
// Measured per load: window.__ready, which the page sets to performance.now() once its code has run, i.e. the time from
// navigation start to the page's code having run. Cold: a fresh browser context (empty HTTP cache) per load. Warm: a
// page.reload() in the same context (what F5 does: the page revalidated, its subresources from the cache as their
// headers allow). The two tools are interleaved, their order alternating per round.
// Usage (see run.sh, which packs the package first):
//   node driver.mjs --work DIR --feed DIR --version V --packages DIR [--loads 15] [--reloads 1] [--name NAME]
//                   [--without lodash-es,react+react-dom]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Child, freePort, run, stopAll, waitForHttp } from '../latency/processes.mjs';
import { PACKAGES, lineIds, writeSite } from './site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const viteBin = path.join(here, '..', 'prebundle', 'node_modules', 'vite', 'bin', 'vite.js');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
for (const required of ['work', 'feed', 'version', 'packages']) {
  if (!args[required]) throw new Error(`--${required} is required (use run.sh)`);
}
const loads = Number(args.loads ?? 15);
const reloads = Number(args.reloads ?? 1);
const without = (args.without ?? '').split(',').filter(Boolean);
const names = PACKAGES.map((p) => p.name).filter((n) => !without.includes(n));
const resultName = args.name ?? new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];
// No MSBuild nodes or compiler servers left behind by the build or by dotnet watch's own builds.
const noBuildServers = { MSBUILDDISABLENODEREUSE: '1', DOTNET_CLI_USE_MSBUILD_SERVER: '0', UseSharedCompilation: 'false' };

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const log = (message) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
// Logs go beside a project, never into it: dotnet watch would see them change.
const logBeside = (dir, name) => path.join(path.dirname(dir), `${path.basename(dir)}-${name}`);

/** node_modules linked into a project, with the lock file next to it (both tools hash it into their caches). */
function linkPackages(dir) {
  fs.symlinkSync(args.packages, path.join(dir, 'node_modules'));
  const lock = path.join(path.dirname(args.packages), 'package-lock.json');
  if (fs.existsSync(lock)) fs.copyFileSync(lock, path.join(dir, 'package-lock.json'));
}

// ---- our side: `dotnet new web` referencing the packed Hmr.Build, as a user would set it up --------------------------

function createOurProject(dir) {
  const logFile = logBeside(dir, 'build.log');
  run('dotnet', ['new', 'web', '--output', dir, '--name', 'App', '--no-restore'], { cwd: dir, logFile });
  run('dotnet', ['add', path.join(dir, 'App.csproj'), 'package', 'Hmr.Build', '--version', args.version, '--no-restore'], { cwd: dir, logFile });
  // The temporary feed beside the machine's sources; settings from folders above kept out.
  fs.writeFileSync(path.join(dir, 'Directory.Build.props'),
    `<Project><PropertyGroup><RestoreAdditionalProjectSources>${args.feed}</RestoreAdditionalProjectSources></PropertyGroup></Project>\n`);
  fs.writeFileSync(path.join(dir, 'Directory.Build.targets'), '<Project />\n');
  fs.writeFileSync(path.join(dir, 'Directory.Packages.props'), '<Project />\n');
  const program = path.join(dir, 'Program.cs');
  const template = fs.readFileSync(program, 'utf8');
  const served = template.replace('app.MapGet("/", () => "Hello World!");', 'app.UseDefaultFiles();\napp.UseStaticFiles();');
  if (served === template) throw new Error(`unexpected Program.cs from dotnet new web:\n${template}`);
  fs.writeFileSync(program, served);
  writeSite(path.join(dir, 'wwwroot'), names);
  linkPackages(dir);
  const started = performance.now();
  run('dotnet', ['build', '-nodeReuse:false', '-p:UseSharedCompilation=false'], { cwd: dir, logFile, env: noBuildServers });
  const buildMs = performance.now() - started;
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'obj', 'Debug', 'net10.0', 'hmr', 'deps', 'deps-manifest.json'), 'utf8'));
  return { buildMs, imports: Object.keys(manifest.imports), files: manifest.files.length, failed: manifest.failed };
}

async function startOurs(dir) {
  const port = await freePort();
  const child = new Child('dotnet', ['watch', 'run', '--non-interactive', '--project', dir, '--', '--urls', `http://127.0.0.1:${port}`],
    { cwd: dir, env: { ...noBuildServers, DOTNET_WATCH_SUPPRESS_LAUNCH_BROWSER: '1', ASPNETCORE_ENVIRONMENT: 'Development' }, logFile: logBeside(dir, 'watch.log') });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/index.html`, child, 5 * 60 * 1000);
  return { child, url };
}

// ---- Vite's side: its dev server on the same two files -----------------------------------------------------------

function createViteProject(dir) {
  writeSite(dir, names);
  linkPackages(dir);
}

async function startVite(dir, logName) {
  const port = await freePort();
  const config = path.join(dir, 'vite.config.mjs');
  // Defaults except the address and the cache folder (kept out of the linked node_modules, which is shared).
  fs.writeFileSync(config, `export default ${JSON.stringify({
    root: dir,
    cacheDir: path.join(dir, '.vite-cache'),
    clearScreen: false,
    server: { host: '127.0.0.1', port, strictPort: true },
  }, null, 2)};\n`);
  const child = new Child(process.execPath, [viteBin, '--config', config], { cwd: dir, logFile: logBeside(dir, logName) });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/index.html`, child, 5 * 60 * 1000);
  return { child, url };
}

// ---- loads --------------------------------------------------------------------------------------------------------

function watchPage(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return problems;
}

/** Waits for the page's marker and reads it with what the page fetched (the navigation's own timing, resources). */
async function readyTiming(page) {
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000, polling: 20 });
  return page.evaluate(() => {
    const resources = performance.getEntriesByType('resource');
    const navigation = performance.getEntriesByType('navigation')[0];
    return {
      readyMs: window.__ready,
      responseEndMs: navigation.responseEnd,
      requests: resources.length + 1,
      fromNetwork: resources.filter((r) => r.transferSize > 0).length + (navigation.transferSize > 0 ? 1 : 0),
      transferBytes: resources.reduce((sum, r) => sum + r.transferSize, navigation.transferSize),
      resources: [navigation, ...resources].map((r) => ({
        url: r.name.replace(location.origin, ''), transferSize: r.transferSize, bodySize: r.decodedBodySize,
        startMs: +r.startTime.toFixed(1), endMs: +r.responseEnd.toFixed(1),
      })),
    };
  });
}

/** One load in a fresh context, then checks that every package's line is on the page; returns the lines. */
async function checkPage(browser, url, packages) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(`${url}/`, { waitUntil: 'load', timeout: 120000 });
  let lines = [];
  try {
    await readyTiming(page);
    await page.waitForFunction((ids) => ids.every((id) => document.getElementById(id)), lineIds(packages), { timeout: 10000 });
  } catch (error) {
    problems.push(`page not complete: ${error.message.split('\n')[0]}`);
  }
  lines = await page.evaluate(() => [...document.querySelectorAll('li[id]')].map((li) => li.textContent));
  await context.close();
  return { lines: lines.sort(), problems };
}

async function coldThenWarm(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(`${url}/`, { waitUntil: 'load', timeout: 120000 });
  const cold = await readyTiming(page);
  const warm = [];
  for (let i = 0; i < reloads; i++) {
    await page.reload({ waitUntil: 'load', timeout: 120000 });
    warm.push(await readyTiming(page));
  }
  await context.close();
  return { cold, warm, problems };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---- the run ------------------------------------------------------------------------------------------------------

const work = args.work;
const result = {
  name: resultName,
  startedAt: new Date().toISOString(),
  loadAverage: { start: loadAverage() },
  versions: {
    sdk: args.sdk, hmrBuild: args.version, node: process.version,
    vite: JSON.parse(fs.readFileSync(path.join(path.dirname(viteBin), '..', 'package.json'), 'utf8')).version,
  },
  packages: names,
  loads, reloadsPerLoad: reloads,
};
let browser;
try {
  log(`packages: ${names.join(', ')}`);
  const ourDir = path.join(work, 'ours');
  const viteDir = path.join(work, 'vite');
  fs.mkdirSync(ourDir, { recursive: true });
  fs.mkdirSync(viteDir, { recursive: true });

  log('ours: dotnet build (pre-bundles the dependencies)');
  result.ourBuild = createOurProject(ourDir);
  log(`ours: built in ${result.ourBuild.buildMs.toFixed(0)} ms; ${result.ourBuild.imports.length} import map entries, ${result.ourBuild.files} files` +
    (result.ourBuild.failed.length ? `; FAILED: ${JSON.stringify(result.ourBuild.failed)}` : ''));

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  result.versions.chromium = browser.version();

  // Vite's first start discovers and optimizes the dependencies; the measured server is its second start, which finds
  // them in its cache (as a developer's next `vite` does).
  createViteProject(viteDir);
  log('vite: first start, one load to optimize the dependencies');
  let vite = await startVite(viteDir, 'vite-first.log');
  const firstVite = await checkPage(browser, vite.url, PACKAGES.filter((p) => names.includes(p.name)));
  await vite.child.stop();
  log(`vite: first start's page: ${firstVite.lines.length} lines, ${firstVite.problems.length} problems`);
  vite = await startVite(viteDir, 'vite.log');
  log('ours: dotnet watch');
  const ours = await startOurs(ourDir);
  const servers = { ours, vite };

  const checked = PACKAGES.filter((p) => names.includes(p.name));
  result.check = {};
  for (const tool of ['ours', 'vite']) {
    result.check[tool] = await checkPage(browser, servers[tool].url, checked);
    log(`${tool}: ${result.check[tool].lines.length} lines; problems: ${result.check[tool].problems.length ? result.check[tool].problems.join(' | ') : 'none'}`);
  }
  result.check.samePageText = JSON.stringify(result.check.ours.lines) === JSON.stringify(result.check.vite.lines);
  log(`same page text: ${result.check.samePageText}`);
  if (!result.check.samePageText) {
    log(`ours: ${result.check.ours.lines.join(' / ')}`);
    log(`vite: ${result.check.vite.lines.join(' / ')}`);
  }

  // Unmeasured: one cold load and a reload each, so neither server's first requests (JIT, caches) count.
  for (const tool of ['ours', 'vite']) await coldThenWarm(browser, servers[tool].url);

  result.samples = { ours: { cold: [], warm: [] }, vite: { cold: [], warm: [] } };
  result.problems = { ours: [], vite: [] };
  result.loadAverage.measuring = [];
  for (let round = 0; round < loads; round++) {
    const order = round % 2 === 0 ? ['ours', 'vite'] : ['vite', 'ours'];
    for (const tool of order) {
      const { cold, warm, problems } = await coldThenWarm(browser, servers[tool].url);
      result.samples[tool].cold.push(cold);
      result.samples[tool].warm.push(...warm);
      result.problems[tool].push(...problems);
    }
    if (round % 5 === 4 || round === loads - 1) {
      result.loadAverage.measuring.push(loadAverage());
      log(`round ${round + 1}/${loads} (load ${loadAverage()})`);
    }
  }

  result.summary = {};
  for (const tool of ['ours', 'vite']) {
    const row = {};
    for (const kind of ['cold', 'warm']) {
      const samples = result.samples[tool][kind];
      const ready = samples.map((s) => s.readyMs);
      row[kind] = {
        medianMs: +median(ready).toFixed(1), p95Ms: +percentile(ready, 95).toFixed(1),
        minMs: +Math.min(...ready).toFixed(1), maxMs: +Math.max(...ready).toFixed(1),
        requests: median(samples.map((s) => s.requests)), fromNetwork: median(samples.map((s) => s.fromNetwork)),
        transferKiB: +(median(samples.map((s) => s.transferBytes)) / 1024).toFixed(0),
      };
    }
    result.summary[tool] = row;
  }
  result.loadAverage.end = loadAverage();
  result.finishedAt = new Date().toISOString();

  console.log(`\nPage load, ${names.length} packages, ${loads} cold loads and ${loads * reloads} warm reloads per tool, interleaved (ms from navigation start to window.__ready)`);
  console.log('| tool | cold median | cold p95 | warm median | warm p95 | requests cold (from network) | warm from network | KiB cold |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const tool of ['ours', 'vite']) {
    const { cold, warm } = result.summary[tool];
    const label = tool === 'ours' ? `Hmr.Build ${args.version}` : `Vite ${result.versions.vite}`;
    console.log(`| ${label} | ${cold.medianMs} | ${cold.p95Ms} | ${warm.medianMs} | ${warm.p95Ms} | ${cold.requests} (${cold.fromNetwork}) | ${warm.fromNetwork} | ${cold.transferKiB} |`);
  }
  console.log(`load average: start ${result.loadAverage.start}, while measuring ${result.loadAverage.measuring.join(' / ')}`);
  for (const tool of ['ours', 'vite']) {
    if (result.problems[tool].length) console.log(`${tool}: ${result.problems[tool].length} problems during the measured loads, first: ${result.problems[tool][0]}`);
  }
  // Raw numbers, rounded: small enough to commit.
  for (const tool of ['ours', 'vite']) {
    for (const kind of ['cold', 'warm']) {
      // The resources of the last load only (what was fetched, when, how much).
      result.samples[tool][kind] = result.samples[tool][kind].map((s, i, all) => ({ ...s, resources: i === all.length - 1 ? s.resources : undefined, readyMs: +s.readyMs.toFixed(1), responseEndMs: +s.responseEndMs.toFixed(1) }));
    }
    result.problems[tool] = [...new Set(result.problems[tool])];
  }
  const file = path.join(here, 'results', `${resultName}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(result, null, 1) + '\n');
  log(`wrote ${path.relative(process.cwd(), file)}`);
} finally {
  await browser?.close();
  await stopAll();
}
