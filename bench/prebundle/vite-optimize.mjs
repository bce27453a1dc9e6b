// Vite's dependency optimization of the packages PrebundleBench bundles (bench/Hmr.Bench/PrebundleBench.cs), in the same
// kind of temporary project: node_modules linking to tests/Hmr.Bundler.Tests/packages/node_modules. Cold: the cache
// folder deleted before each run (the first run also pays Node's JIT); no-op: the cache found current.
// Usage: node vite-optimize.mjs [coldRuns=5] [noopRuns=10]
import { mkdtempSync, rmSync, symlinkSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig, optimizeDeps } from 'vite';

const specifiers = ['lodash-es', 'date-fns', 'rxjs', 'd3', 'lit', 'preact', 'preact/hooks', 'htm', 'three', 'vue', 'react',
  'react-dom/client', 'immer', 'zod', 'dayjs', 'nanoid'];
const coldRuns = Number(process.argv[2] ?? 5);
const noopRuns = Number(process.argv[3] ?? 10);
const packages = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'Hmr.Bundler.Tests', 'packages');
const root = mkdtempSync(join(tmpdir(), 'vite-prebundle-bench-'));
symlinkSync(join(packages, 'node_modules'), join(root, 'node_modules'));
copyFileSync(join(packages, 'package-lock.json'), join(root, 'package-lock.json'));
const cacheDir = join(root, '.vite');

async function run(force) {
  const start = performance.now();
  const config = await resolveConfig({
    root, cacheDir, logLevel: 'silent', configFile: false,
    optimizeDeps: { include: specifiers, noDiscovery: true },
  }, 'serve', 'development');
  const metadata = await optimizeDeps(config, force);
  return { ms: performance.now() - start, metadata };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  const cold = [];
  let last;
  for (let i = 0; i < coldRuns; i++) {
    rmSync(cacheDir, { recursive: true, force: true });
    last = await run(true);
    cold.push(last.ms);
  }
  const noop = [];
  for (let i = 0; i < noopRuns; i++) noop.push((await run(false)).ms);
  console.log(`entries ${Object.keys(last.metadata.optimized).length}, chunks ${Object.keys(last.metadata.chunks).length}`);
  console.log(`cold runs (ms): ${cold.map((t) => t.toFixed(0)).join(', ')}; first (with JIT) ${cold[0].toFixed(0)}, median of the rest ${median(cold.slice(1)).toFixed(0)}`);
  console.log(`no-op runs (ms): median ${median(noop).toFixed(1)}, min ${Math.min(...noop).toFixed(1)}, max ${Math.max(...noop).toFixed(1)}`);
  console.log(`load average at the end: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
