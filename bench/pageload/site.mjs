// The benchmark's page: index.html and main.js importing a dozen npm packages by bare name (ES and CommonJS), using a
// few exports of each and writing one line per package into the page, then `window.__ready = performance.now()` (the
// time from navigation start to the page's code having run). Every value is deterministic except the React line, which
// React renders after the marker (createRoot renders asynchronously), so both tools' pages can be compared text for text.
import fs from 'node:fs';
import path from 'node:path';

/** One entry per package: the import lines it needs and the code that shows what it computed. */
export const PACKAGES = [
  {
    name: 'lodash-es',
    imports: [`import { chunk, sortBy, camelCase, debounce } from 'lodash-es';`],
    code: `show('lodash-es', [JSON.stringify(chunk([1, 2, 3, 4, 5], 2)), sortBy(['c', 'a', 'b']).join(''), camelCase('page load bench'), typeof debounce(() => {}, 10)].join(' '));`,
  },
  {
    name: 'date-fns',
    imports: [`import { format, addDays, differenceInCalendarDays } from 'date-fns';`],
    code: `show('date-fns', format(addDays(new Date(2026, 0, 30), 3), 'yyyy-MM-dd') + ' ' + differenceInCalendarDays(new Date(2026, 11, 25), new Date(2026, 0, 1)));`,
  },
  {
    name: 'rxjs',
    imports: [`import { of, map, filter, reduce } from 'rxjs';`],
    code: `of(1, 2, 3, 4, 5).pipe(filter((n) => n % 2 === 1), map((n) => n * 10), reduce((a, b) => a + b, 0)).subscribe((sum) => show('rxjs', String(sum)));`,
  },
  {
    name: 'd3',
    imports: [`import { scaleLinear, extent, format as d3Format, select } from 'd3';`],
    code: `select('#out').append('li').attr('id', 'd3').text('d3: ' + scaleLinear().domain([0, 10]).range([0, 100])(2.5) + ' ' + extent([5, 1, 9]).join('..') + ' ' + d3Format('.3f')(Math.PI));`,
  },
  {
    name: 'lit',
    imports: [`import { LitElement, html as litHtml, render as litRender } from 'lit';`],
    code: `customElements.define('bench-lit', class extends LitElement { render() { return litHtml\`<b>lit element</b>\`; } });
litRender(litHtml\`<li id="lit">lit: \${['a', 'b'].map((x) => litHtml\`<i>\${x}</i>\`)} \${typeof customElements.get('bench-lit')}</li>\`, document.getElementById('lit-host'));`,
  },
  {
    name: 'preact+htm',
    imports: [`import { h, render as preactRender } from 'preact';`, `import htm from 'htm';`],
    code: `const preactHtml = htm.bind(h);
preactRender(preactHtml\`<li id="preact">preact+htm: \${[1, 2, 3].map((n) => preactHtml\`<span>\${n}</span>\`)}</li>\`, document.getElementById('preact-host'));`,
  },
  {
    name: 'immer',
    imports: [`import { produce } from 'immer';`],
    code: `const before = { list: [1], nested: { x: 1 } };
const after = produce(before, (draft) => { draft.list.push(2); draft.nested.x = 2; });
show('immer', JSON.stringify(after) + ' ' + (before.list.length === 1) + ' ' + Object.isFrozen(after));`,
  },
  {
    name: 'zod',
    imports: [`import { z } from 'zod';`],
    code: `const User = z.object({ name: z.string().min(2), age: z.number().int().positive() });
show('zod', User.safeParse({ name: 'Ada', age: 36 }).success + ' ' + User.safeParse({ name: 'A', age: -1 }).success);`,
  },
  {
    name: 'dayjs',
    imports: [`import dayjs from 'dayjs';`],
    code: `show('dayjs', dayjs('2026-03-04T05:06:07').add(1, 'month').format('YYYY-MM-DD HH:mm'));`,
  },
  {
    name: 'nanoid',
    imports: [`import { nanoid, customAlphabet } from 'nanoid';`],
    code: `show('nanoid', nanoid().length + ' ' + /^[ab]{8}$/.test(customAlphabet('ab', 8)()));`,
  },
  {
    name: 'react+react-dom',
    imports: [`import { createElement, useState } from 'react';`, `import { createRoot } from 'react-dom/client';`],
    code: `function Counter() { const [count] = useState(42); return createElement('li', { id: 'react' }, 'react+react-dom: ' + count); }
createRoot(document.getElementById('react-host')).render(createElement(Counter));`,
  },
];

/** The ids of the lines the page shows once everything (React included) has rendered. */
export const lineIds = (packages) => packages.map((p) => p.name.split('+')[0]);

/** Writes index.html and main.js into <paramref name="dir"/> for the named packages. */
export function writeSite(dir, names) {
  const packages = PACKAGES.filter((p) => names.includes(p.name));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Page load bench</title>
  <link rel="icon" href="data:,">
  <script type="module" src="/main.js"></script>
</head>
<body>
  <ul id="out"></ul>
  <ul id="lit-host"></ul>
  <ul id="preact-host"></ul>
  <ul id="react-host"></ul>
</body>
</html>
`);
  fs.writeFileSync(path.join(dir, 'main.js'), `${packages.flatMap((p) => p.imports).join('\n')}

function show(id, text) {
  const item = document.createElement('li');
  item.id = id;
  item.textContent = id + ': ' + text;
  document.getElementById('out').append(item);
}

${packages.map((p) => p.code).join('\n\n')}

window.__ready = performance.now();
`);
  return packages;
}
