// The three module graphs of the latency benchmark, written as plain wwwroot folders that both tools serve as they are.
// Every graph has an index.html whose entry (main.js) ends in an accept callback, and one file the driver edits.
// An edit puts a new marker (`edit-N`) into that file; the marker reaches the accept callback through the module
// exports, so the driver knows the callback it sees belongs to the edit it made (and not to an earlier one).
import fs from 'node:fs';
import path from 'node:path';

/** Reports the marker to the driver (an exposed Playwright function) with the page's epoch clock in ms. */
const REPORT = `function report(mark, how) {
  const at = performance.timeOrigin + performance.now();
  globalThis.__benchReport?.(String(mark), at, how);
}`;

function write(root, relative, text) {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function page(title) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
  <p id="mark"></p>
  <script type="module" src="/main.js"></script>
</body>
</html>
`;
}

/** The entry: imports the top module's marker and accepts that module, re-reading the marker in the callback. */
function entry(top) {
  return `import { mark } from './${top}';

${REPORT}

document.getElementById('mark').textContent = mark;
report(mark, 'load');

if (import.meta.hot) {
  import.meta.hot.accept('./${top}', (mod) => {
    if (!mod) return;
    document.getElementById('mark').textContent = mod.mark;
    report(mod.mark, 'hmr');
  });
}
`;
}

/** samples/HmrDemo's wwwroot. The edit rewrites greeting.js's text; main.js accepts greeting.js and renders the text
 * into #greeting, where an observer the driver installs sees it (the demo files stay the demo's). clock.js, the demo's
 * npm package user, becomes a module without the package: the run folder has no node_modules, and the latency measured
 * here is the edit's, which never touches a dependency (runs 1–6 were measured on the demo before it had clock.js). */
export function demo(root, repoRoot) {
  fs.cpSync(path.join(repoRoot, 'samples', 'HmrDemo', 'wwwroot'), root, { recursive: true });
  fs.writeFileSync(path.join(root, 'js', 'clock.js'), 'export function mountClock() {}\n');
  const file = path.join(root, 'js', 'greeting.js');
  const original = fs.readFileSync(file, 'utf8');
  const text = "'Hello from a hot module!'";
  if (!original.includes(text)) throw new Error(`the demo's greeting.js no longer holds ${text}`);
  return {
    name: 'demo',
    description: 'samples/HmrDemo (edit js/greeting.js, accepted by js/main.js)',
    modules: 5,
    editFile: file,
    contentFor: (markText) => original.replace(text, `'Hello from a hot module! ${markText}'`),
    observe: '#greeting',
  };
}

/** m0.js imports m1.js … imports m{n-1}.js; main.js accepts m0.js; the edit is to the leaf, so the update walks n
 * levels up and the boundary's re-import needs every module of the chain again (new URLs all the way down). */
export function chain(root, _repoRoot, n = 2000) {
  write(root, 'index.html', page(`chain of ${n}`));
  write(root, 'main.js', entry('chain/m0.js'));
  for (let i = 0; i < n - 1; i++) {
    write(root, `chain/m${i}.js`, `import { mark as next } from './m${i + 1}.js';\nexport const mark = next;\n`);
  }
  const leaf = `chain/m${n - 1}.js`;
  const contentFor = (markText) => `export const mark = '${markText}';\n`;
  write(root, leaf, contentFor('initial'));
  return {
    name: `chain-${n}`,
    description: `chain of ${n} modules (edit the leaf m${n - 1}.js; main.js accepts m0.js)`,
    modules: n + 1,
    editTimeoutMs: 60000, // an edit re-fetches the whole chain: seconds each (Vite: 15–25 s on the loaded machine)
    editFile: path.join(root, leaf),
    contentFor,
  };
}

/** A tree of n modules, t0.js the root, module i importing modules 10i+1 … 10i+10 (fan-out 10, depth 4 for 10,000).
 * Each module exports the concatenation of its children's markers (all empty but the edited leaf's), main.js accepts
 * the root, the edit is to the last (deepest) leaf: the update walks 5 levels up a 10,000-module graph. */
export function tree(root, _repoRoot, n = 10000, fanOut = 10) {
  write(root, 'index.html', page(`tree of ${n}`));
  write(root, 'main.js', entry('tree/t0.js'));
  const leaf = n - 1;
  const contentFor = (markText) => `export const mark = '${markText}';\n`;
  for (let i = 0; i < n; i++) {
    const children = [];
    for (let c = fanOut * i + 1; c <= fanOut * i + fanOut && c < n; c++) children.push(c);
    if (children.length === 0) {
      write(root, `tree/t${i}.js`, i === leaf ? contentFor('initial') : "export const mark = '';\n");
      continue;
    }
    const imports = children.map((c) => `import { mark as c${c} } from './t${c}.js';`).join('\n');
    write(root, `tree/t${i}.js`, `${imports}\nexport const mark = ${children.map((c) => `c${c}`).join(' + ')};\n`);
  }
  let depth = 0;
  for (let i = leaf; i > 0; i = Math.floor((i - 1) / fanOut)) depth++;
  return {
    name: `tree-${n}`,
    description: `tree of ${n} modules, fan-out ${fanOut} (edit leaf t${leaf}.js at depth ${depth}; main.js accepts the root t0.js)`,
    modules: n + 1,
    editFile: path.join(root, `tree/t${leaf}.js`),
    contentFor,
  };
}
