// es-module-lexer 3 (the lexer Vite uses) over every .js/.mjs file under a folder, measured like
// bench/Hmr.Bench/AnalyzerBenchmark.cs: files read first (not timed), warm-up, then each timed
// iteration parses all of them. Last line: `analyzer files=N bytes=B median_ms=T MBps=X`.
//   node bench/lexer/es-module-lexer.mjs <folder> [iterations, default 20]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lexerPath = join(here, '..', '..', 'tests', 'reference', 'node_modules', 'es-module-lexer', 'dist', 'lexer.js');
const { init, parse } = await import(pathToFileURL(lexerPath).href);

const [folder, iterationsArg] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node es-module-lexer.mjs <folder> [iterations]');
  process.exit(2);
}
const iterations = Number(iterationsArg ?? 20);

const paths = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.m?js$/.test(entry.name)) paths.push(full);
  }
})(folder);
paths.sort();
const sources = paths.map(p => readFileSync(p, 'utf8'));
const bytes = paths.reduce((sum, p) => sum + statSync(p).size, 0);

await init();
let imports = 0;
function parseAll() {
  let count = 0;
  for (const source of sources) {
    try {
      count += parse(source)[0].length;
    } catch {
      // a file es-module-lexer rejects still costs its parse time
    }
  }
  return count;
}
for (let i = 0; i < 5; i++) imports = parseAll();
const times = [];
const cpuBefore = process.cpuUsage();
for (let i = 0; i < iterations; i++) {
  const start = process.hrtime.bigint();
  parseAll();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const cpu = process.cpuUsage(cpuBefore);
const cpuPerIteration = (cpu.user + cpu.system) / 1000 / iterations;
times.sort((a, b) => a - b);
const median = iterations % 2 ? times[(iterations - 1) / 2] : (times[iterations / 2 - 1] + times[iterations / 2]) / 2;
console.log(`es-module-lexer: ${imports} imports found; min_ms=${times[0].toFixed(2)} cpu_ms_per_iteration=${cpuPerIteration.toFixed(2)}`);
console.log(`analyzer files=${paths.length} bytes=${bytes} median_ms=${median.toFixed(2)} MBps=${(bytes / 1e6 / (median / 1000)).toFixed(1)}`);
