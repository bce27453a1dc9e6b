// The same first measurement for Node (Vite's watcher is chokidar over fs.watch): write -> first fs.watch event.
// Run: node bench/latency/probe/watch-probe.mjs [edits=50]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const edits = Number(process.argv[2] ?? 50);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmr-node-watch-probe-'));
const file = path.join(dir, 'leaf.js');
fs.writeFileSync(file, "export const mark = 'initial';\n");
let onEvent = null;
const watcher = fs.watch(file, () => onEvent?.(performance.now()));
const delivery = [];
for (let i = 0; i < 3 + edits; i++) {
  const seen = new Promise((resolve) => { onEvent = resolve; });
  const written = performance.now();
  fs.writeFileSync(file, `export const mark = 'edit-${i}';\n`);
  const at = await seen;
  onEvent = null;
  if (i >= 3) delivery.push(at - written);
  await new Promise((r) => setTimeout(r, 100));
}
watcher.close();
fs.rmSync(dir, { recursive: true });
delivery.sort((a, b) => a - b);
console.log(`fs.watch, write -> first event: median ${delivery[delivery.length >> 1].toFixed(2)} ms, `
  + `p95 ${delivery[Math.ceil(0.95 * delivery.length) - 1].toFixed(2)} ms, max ${delivery.at(-1).toFixed(2)} ms (${edits} writes)`);
console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
