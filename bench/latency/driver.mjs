// Save-to-callback latency of Hmr.Build (under dotnet watch) and Vite 7, on the same module files, in Chromium.
// One edit = the driver takes the time (epoch ms, sub-ms), writes the file in place, and waits until the page reports
// that the accept callback ran with the new content (the page takes its time on its own clock, put on ours by measuring
// the offset between the two, see clockOffset).
// Usage (see run.sh, which packs the package first):
//   node driver.mjs --work DIR --feed DIR --version V [--edits 50] [--warmup 3] [--pause 250]
//                   [--graphs demo,chain,tree] [--tools ours,vite] [--settle-variant MS] [--settle-graphs demo,tree]
//   --tools may also name ours-nocheck: ours with the full parser's syntax check off (Hmr__CheckSyntax=false), to show
//   what the check costs an update (docs/benchmarks.md).
//                   [--request-logging on|off]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import * as graphs from './graphs.mjs';
import { Child, freePort, now, run, stopAll, waitForHttp } from './processes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const options = {
  work: args.work,
  feed: args.feed,
  version: args.version,
  edits: Number(args.edits ?? 50),
  warmup: Number(args.warmup ?? 3),
  pauseMs: Number(args.pause ?? 250),
  graphs: (args.graphs ?? 'demo,chain,tree').split(','),
  tools: (args.tools ?? 'ours,vite').split(','),
  // The graphs that also get the settle-variant row (the chain's edits take seconds each: the settle window is noise there).
  // --request-logging on: no appsettings.json (every request logged at Information, as in the first runs).
  templateLogging: (args['request-logging'] ?? 'off') === 'off',
  settleGraphs: (args['settle-graphs'] ?? 'demo,chain,tree').split(','),
};
// Optional extra row: ours with a shorter settle window (Hmr__SettleMilliseconds), always next to the default.
if (args['settle-variant']) options.tools.splice(options.tools.indexOf('ours') + 1, 0, `ours-settle${args['settle-variant']}`);
if (!options.work || !options.feed || !options.version) throw new Error('--work, --feed and --version are required (use run.sh)');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

function log(message) {
  console.log(`[${new Date().toISOString().slice(11, 23)}] ${message}`);
}

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

// ---- the two servers ----------------------------------------------------------------------------------------------

/** A web project consuming the packed Hmr.Build (as a user would), with the graph as its wwwroot; built once. */
function createProject(dir) {
  for (const name of ['Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props']) {
    fs.writeFileSync(path.join(dir, name), '<Project />\n'); // keep the repository's settings out
  }
  fs.writeFileSync(path.join(dir, 'App.csproj'), `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Hmr.Build" Version="${options.version}" />
  </ItemGroup>
</Project>
`);
  fs.writeFileSync(path.join(dir, 'nuget.config'), `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="hmr-bench-feed" value="${options.feed}" />
  </packageSources>
</configuration>
`);
  // The logging levels of `dotnet new web`'s appsettings.json: without them every module request logs three
  // Information lines (Kestrel, hosting, static files), which dotnet watch then relays: thousands of lines per chain edit.
  if (options.templateLogging) {
    fs.writeFileSync(path.join(dir, 'appsettings.json'), JSON.stringify({
      Logging: { LogLevel: { Default: 'Information', 'Microsoft.AspNetCore': 'Warning' } },
      AllowedHosts: '*',
    }, null, 2));
  }
  fs.writeFileSync(path.join(dir, 'Program.cs'), `var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.Run();
`);
  run('dotnet', ['build', '-nodeReuse:false', '-p:UseSharedCompilation=false'], { cwd: dir, logFile: logBeside(dir, 'build.log'), env: noBuildServers });
}

// No MSBuild nodes or compiler servers left behind by dotnet watch's own builds.
const noBuildServers = { MSBUILDDISABLENODEREUSE: '1', DOTNET_CLI_USE_MSBUILD_SERVER: '0', UseSharedCompilation: 'false' };

// Logs go next to the project, never into it: dotnet watch watches the project folder, and a log it writes there is
// a change it reacts to (every 50 ms, for as long as it runs), load that only our side of the comparison would carry.
function logBeside(dir, name) {
  return path.join(path.dirname(dir), `${path.basename(dir)}-${name}`);
}

async function startOurs(dir, settleMs, extraEnv = {}) {
  const port = await freePort();
  const env = {
    ...noBuildServers,
    DOTNET_WATCH_SUPPRESS_LAUNCH_BROWSER: '1',
    ASPNETCORE_ENVIRONMENT: 'Development',
  };
  if (settleMs !== undefined) env.Hmr__SettleMilliseconds = String(settleMs);
  Object.assign(env, extraEnv);
  const child = new Child('dotnet', ['watch', 'run', '--non-interactive', '--project', dir, '--', '--urls', `http://127.0.0.1:${port}`],
    { cwd: dir, env, logFile: logBeside(dir, `watch${settleMs === undefined ? '' : `-settle${settleMs}`}${Object.keys(extraEnv).length ? '-variant' : ''}.log`) });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/index.html`, child, 10 * 60 * 1000);
  return { child, url };
}

async function startVite(dir) {
  const port = await freePort();
  // Defaults everywhere except what the brief fixes: the root, 127.0.0.1, a fixed port; the dependency cache
  // outside the shared wwwroot (its default is under the root's node_modules).
  const config = path.join(dir, 'vite.config.mjs');
  fs.writeFileSync(config, `export default ${JSON.stringify({
    root: path.join(dir, 'wwwroot'),
    cacheDir: path.join(dir, 'vite-cache'),
    clearScreen: false,
    server: { host: '127.0.0.1', port, strictPort: true },
  }, null, 2)};\n`);
  const child = new Child(process.execPath, [path.join(here, 'node_modules', 'vite', 'bin', 'vite.js'), '--config', config],
    { cwd: dir, logFile: logBeside(dir, 'vite.log') });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/index.html`, child, 5 * 60 * 1000);
  return { child, url };
}

// ---- one measurement session --------------------------------------------------------------------------------------

// Records when each HMR socket message reaches the page (before the client handles it), to split the latency into
// server side (write → message) and client side (message → callback). Installed before any page script runs.
const SOCKET_SPY = `(() => {
  const Native = window.WebSocket;
  globalThis.__benchSocket = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const head = typeof event.data === 'string' ? event.data.slice(0, 200) : '';
        const type = /"type"\\s*:\\s*"([^"]+)"/.exec(head)?.[1] ?? '?';
        globalThis.__benchSocket.push({ at: performance.timeOrigin + performance.now(), type });
      });
    }
  };
  // The chain re-fetches 2,000 modules per edit: keep every resource entry.
  performance.setResourceTimingBufferSize(1000000);
})();`;

async function measure(browser, url, graph, tool, server) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  let navigations = 0;
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations++; });

  let waiter = null;
  await page.exposeFunction('__benchReport', (mark, at, how) => {
    if (waiter && mark.includes(waiter.mark)) waiter.resolve({ at, how });
  });
  await page.addInitScript(SOCKET_SPY);
  const connected = new Promise((resolve) => page.on('console', (m) => {
    if (/\[(hmr|vite)\] connected/.test(m.text())) resolve();
  }));

  const loadStart = now();
  await page.goto(`${url}/`, { waitUntil: 'load', timeout: 10 * 60 * 1000 });
  await withTimeout(connected, 60000, 'the HMR socket did not connect');
  const loadMs = now() - loadStart;
  const clockBefore = await clockOffset(page);
  if (graph.observe) {
    // The demo renders the accepted module's text; report it the moment it lands in the DOM.
    await page.evaluate((selector) => {
      const element = document.querySelector(selector);
      new MutationObserver(() => globalThis.__benchReport(element.textContent, performance.timeOrigin + performance.now(), 'hmr'))
        .observe(element, { childList: true, characterData: true, subtree: true });
    }, graph.observe);
  }
  const navigationsAfterLoad = navigations;

  const samples = [];
  const misses = [];
  for (let i = 0; i < options.warmup + options.edits; i++) {
    const mark = `edit-${tool}-${i}-${Math.random().toString(36).slice(2, 8)}`;
    const reported = new Promise((resolve) => { waiter = { mark, resolve }; });
    await page.evaluate(() => { performance.clearResourceTimings(); globalThis.__benchSocket.length = 0; });
    const content = graph.contentFor(mark);
    const writtenAt = now();
    fs.writeFileSync(graph.editFile, content);
    let at, how;
    try {
      ({ at, how } = await withTimeout(reported, graph.editTimeoutMs ?? 5000, 'timeout'));
    } catch {
      // The page never showed this edit (a lost update): count it, say so, and go on with the next edit.
      misses.push({ edit: i, mark, errors: consoleErrors.slice(-3) });
      log(`  ${tool}: edit ${i} never reached the accept callback (missed update); console: ${consoleErrors.slice(-2).join(' | ')}`);
      waiter = null;
      continue;
    }
    const page_ = await page.evaluate(() => ({
      socket: globalThis.__benchSocket.slice(),
      requests: performance.getEntriesByType('resource').length,
      // The fetch window of this update's module requests (preload and import), in the same epoch clock.
      firstRequest: Math.min(...performance.getEntriesByType('resource').map((r) => performance.timeOrigin + r.startTime)),
      lastResponse: Math.max(...performance.getEntriesByType('resource').map((r) => performance.timeOrigin + r.responseEnd)),
    }));
    const update = page_.socket.find((m) => m.type === 'update');
    samples.push({
      warmup: i < options.warmup,
      writtenAt,
      latency: at - writtenAt,
      serverSide: update ? update.at - writtenAt : null,
      clientSide: update ? at - update.at : null,
      requests: page_.requests,
      // update message → first module request; first request → last response; last response → callback.
      toFirstRequest: update && page_.requests ? page_.firstRequest - update.at : null,
      fetchWindow: page_.requests ? page_.lastResponse - page_.firstRequest : null,
      afterLastResponse: page_.requests ? at - page_.lastResponse : null,
      messages: page_.socket.map((m) => m.type),
      how,
    });
    await new Promise((r) => setTimeout(r, options.pauseMs));
  }
  const reloads = navigations - navigationsAfterLoad;
  const clockAfter = await clockOffset(page);
  await context.close();
  // The page's times were taken on its own clock: put them on ours (the mean of the offsets measured before and after).
  const offset = (clockBefore.offset + clockAfter.offset) / 2;
  for (const sample of samples) {
    sample.latency -= offset;
    if (sample.serverSide !== null) sample.serverSide -= offset;
  }

  // Ours logs "hmr update <boundary> in N ms" (the engine's own time) per update: pick it up per edit.
  for (let i = 0; i < samples.length; i++) {
    const from = samples[i].writtenAt;
    const to = samples[i + 1]?.writtenAt ?? Infinity;
    const line = server.child.lines.find((l) => l.at >= from && l.at < to && /hmr update .* in \d+ ms/.test(l.text));
    if (line) {
      samples[i].engineMs = Number(/in (\d+) ms/.exec(line.text)[1]);
      samples[i].logLineAt = line.at - from;
    }
  }
  return { samples, misses, reloads, consoleErrors, loadMs, clock: { before: clockBefore, after: clockAfter, offset } };
}

/** How far the page's clock (performance.timeOrigin + now(), taken in the renderer process) is ahead of ours, NTP-style:
 * from the quickest of 40 round trips, so the error is at most half that round trip. Each edit's latency is the page's
 * callback time minus our write time, two clocks: without this, an offset between them (seen: up to 4 ms) went into every
 * sample of a run. */
async function clockOffset(page) {
  let best = null;
  for (let i = 0; i < 40; i++) {
    const sent = now();
    const pageTime = await page.evaluate(() => performance.timeOrigin + performance.now());
    const received = now();
    if (!best || received - sent < best.roundTrip) best = { roundTrip: received - sent, offset: pageTime - (sent + received) / 2 };
  }
  return best;
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); })])
    .finally(() => clearTimeout(timer));
}

// ---- statistics and output ----------------------------------------------------------------------------------------

function stats(values) {
  const v = values.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length / 2;
  return {
    median: v.length % 2 ? v[Math.floor(mid)] : (v[mid - 1] + v[mid]) / 2,
    p95: v[Math.ceil(0.95 * v.length) - 1], // nearest rank
    min: v[0],
    max: v[v.length - 1],
    n: v.length,
  };
}

const fmt = (x) => (x === null || x === undefined ? '—' : x.toFixed(1));

async function main() {
  fs.mkdirSync(options.work, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const machine = {
    cpus: os.cpus().length,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    chromium: browser.version(),
    sdk: args.sdk ?? null,
    node: process.version,
    vite: JSON.parse(fs.readFileSync(path.join(here, 'node_modules', 'vite', 'package.json'), 'utf8')).version,
    hmrBuild: options.version,
    requestLogging: !options.templateLogging,
  };
  const rows = [];
  try {
    for (const graphName of options.graphs) {
      const dir = path.join(options.work, graphName);
      const wwwroot = path.join(dir, 'wwwroot');
      fs.mkdirSync(dir, { recursive: true });
      const graph = graphs[graphName](wwwroot, repoRoot);
      const initial = fs.readFileSync(graph.editFile, 'utf8');
      log(`${graph.name}: ${graph.description}; building the web project`);
      createProject(dir);
      for (const tool of options.tools) {
        if (tool.startsWith('ours-settle') && !options.settleGraphs.includes(graphName)) continue;
        fs.writeFileSync(graph.editFile, initial); // every tool starts from the same files
        const loadBefore = load();
        log(`${graph.name} × ${tool}: starting (load ${loadBefore})`);
        const server = tool === 'vite' ? await startVite(dir)
          : tool === 'ours-nocheck' ? await startOurs(dir, undefined, { Hmr__CheckSyntax: 'false' })
          : await startOurs(dir, tool.startsWith('ours-settle') ? Number(tool.slice('ours-settle'.length)) : undefined);
        try {
          // Let the server's start-up work (JIT, dependency scan) settle before the page opens.
          await new Promise((r) => setTimeout(r, 2000));
          const result = await measure(browser, server.url, graph, tool, server);
          const measured = result.samples.filter((s) => !s.warmup);
          const row = {
            graph: graph.name,
            tool,
            ...stats(measured.map((s) => s.latency)),
            serverSide: stats(measured.map((s) => s.serverSide)),
            clientSide: stats(measured.map((s) => s.clientSide)),
            engineMs: stats(measured.map((s) => s.engineMs)),
            requests: stats(measured.map((s) => s.requests)),
            toFirstRequest: stats(measured.map((s) => s.toFirstRequest)),
            fetchWindow: stats(measured.map((s) => s.fetchWindow)),
            afterLastResponse: stats(measured.map((s) => s.afterLastResponse)),
            warmupLatencies: result.samples.filter((s) => s.warmup).map((s) => Math.round(s.latency)),
            reloads: result.reloads,
            missed: result.misses.length,
            misses: result.misses,
            consoleErrors: result.consoleErrors.slice(0, 5),
            pageLoadMs: Math.round(result.loadMs),
            clock: result.clock,
            load: { before: loadBefore, after: load() },
            samples: result.samples,
          };
          rows.push(row);
          log(`${graph.name} × ${tool}: median ${fmt(row.median)} ms, p95 ${fmt(row.p95)} ms, n ${row.n}; server side median ${fmt(row.serverSide?.median)} ms, `
            + `page clock ${row.clock.offset >= 0 ? '+' : ''}${row.clock.offset.toFixed(2)} ms (±${(row.clock.before.roundTrip / 2).toFixed(2)}, drift ${(row.clock.after.offset - row.clock.before.offset).toFixed(2)}), client side median ${fmt(row.clientSide?.median)} ms, ${row.requests?.median} requests/edit, reloads ${row.reloads}, missed ${row.missed}, load ${row.load.after}`);
        } finally {
          await server.child.stop();
        }
      }
      fs.writeFileSync(graph.editFile, initial);
    }
  } finally {
    await browser.close().catch(() => {});
    await stopAll();
  }

  const resultFile = path.join(here, 'results', args.results ?? 'latest.json');
  fs.mkdirSync(path.dirname(resultFile), { recursive: true });
  fs.writeFileSync(resultFile, JSON.stringify({ date: new Date().toISOString(), machine, options, rows }, null, 1));

  console.log('\n| graph | tool | median (ms) | p95 (ms) | edits | server side median | client side median | requests/edit | message→1st request | fetch window | last response→callback | missed |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.graph} | ${r.tool} | ${fmt(r.median)} | ${fmt(r.p95)} | ${r.n} | ${fmt(r.serverSide?.median)} | ${fmt(r.clientSide?.median)} | ${r.requests?.median ?? '—'} | ${fmt(r.toFirstRequest?.median)} | ${fmt(r.fetchWindow?.median)} | ${fmt(r.afterLastResponse?.median)} | ${r.missed} |`);
  }
  console.log(`\nmachine: ${JSON.stringify(machine)}; load average now ${load()}; details in ${path.relative(process.cwd(), resultFile)}`);
  const bad = rows.filter((r) => r.reloads > 0);
  if (bad.length > 0) console.log(`WARNING: full reloads during ${bad.map((r) => `${r.graph} × ${r.tool}`).join(', ')}`);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => { stopAll().finally(() => process.exit(130)); });
}
main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
