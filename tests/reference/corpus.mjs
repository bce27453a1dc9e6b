// The corpus of real ES modules used by the agreement test and the benchmarks: every .js/.mjs file that
// is an ES module in the reference packages (see package.json). Tests and benchmarks only.
//   node corpus.mjs               prints the relative paths, one per line
//   node corpus.mjs --copy <dir>  copies the files into <dir> (same relative paths), for the benchmarks
import { readdirSync, readFileSync, statSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { join, relative, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const nodeModules = join(here, 'node_modules');

// Packages whose files are ES modules: d3 brings its d3-* parts and their three small dependencies.
const packageNames = name =>
  ['three', 'lodash-es', 'rxjs', 'date-fns', 'lit-html', 'preact', 'vue', 'd3', 'internmap', 'delaunator', 'robust-predicates']
    .includes(name) || name.startsWith('d3-') || name.startsWith('@vue/');

// Packages without "type": "module" ship ESM only in known places.
const esmPlaces = {
  rxjs: f => f.startsWith(`dist${sep}esm${sep}`) || f.startsWith(`dist${sep}esm5${sep}`),
  vue: f => /^dist[\\/][^\\/]*esm[^\\/]*\.js$/.test(f),
};
const isVueScoped = name => name.startsWith('@vue/');

function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(m?js)$/.test(entry.name)) out.push(full);
  }
}

export function listCorpus() {
  const names = [];
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('@')) {
      for (const scoped of readdirSync(join(nodeModules, entry))) names.push(`${entry}/${scoped}`);
    } else {
      names.push(entry);
    }
  }
  const files = [];
  for (const name of names.filter(packageNames).sort()) {
    const root = join(nodeModules, name);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const all = [];
    walk(root, all);
    for (const full of all) {
      const inPackage = relative(root, full);
      const isEsm = full.endsWith('.mjs') || pkg.type === 'module' ||
        (esmPlaces[name]?.(inPackage) ?? false) ||
        (isVueScoped(name) && /^dist[\\/][^\\/]*esm[^\\/]*\.js$/.test(inPackage));
      if (isEsm && statSync(full).size > 0) files.push(relative(nodeModules, full).split(sep).join('/'));
    }
  }
  return files.sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(nodeModules)) {
    console.error('corpus.mjs: tests/reference/node_modules is missing; run npm ci in tests/reference');
    process.exit(1);
  }
  const files = listCorpus();
  const copyTo = process.argv[2] === '--copy' ? process.argv[3] : null;
  if (copyTo) {
    for (const file of files) {
      const target = join(copyTo, file);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(nodeModules, file), target);
    }
    console.error(`corpus.mjs: copied ${files.length} files to ${copyTo}`);
  } else {
    for (const file of files) console.log(file);
  }
}
