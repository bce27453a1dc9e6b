// Equivalence page for the ES packages (tests/Hmr.EndToEnd.Tests/Scenarios/BundleEquivalenceTests.cs): a broad set of
// each package's exports, computed into deterministic JSON. Loaded bundled by Hmr.Build and unbundled (an import map to
// the packages' own files); both must give the same results.
import { chunk, groupBy, sortBy, uniq, merge, camelCase, template, debounce, cloneDeep, isEqual } from 'lodash-es';
import * as lodashNs from 'lodash-es';
import { format, addDays, differenceInDays, isLeapYear, formatISO, startOfWeek, parseISO, eachDayOfInterval } from 'date-fns';
import { of, from, range, combineLatest, firstValueFrom, Subject, BehaviorSubject } from 'rxjs';
import { map, filter, scan, toArray, take, reduce, distinctUntilChanged } from 'rxjs/operators';
import * as d3 from 'd3';
import { html, render, LitElement, css } from 'lit';
import { html as litHtml } from 'lit-html';
import { h, render as preactRender, Fragment } from 'preact';
import { useState, useMemo } from 'preact/hooks';
import htm from 'htm';
import { Vector3, Matrix4, Quaternion, Euler, Color, Box3, MathUtils } from 'three';
import { createApp, h as vueH, reactive, computed, ref, nextTick } from 'vue';
import { produce, enablePatches, produceWithPatches, applyPatches } from 'immer';
import { z } from 'zod';
import { nanoid, customAlphabet } from 'nanoid';

const results = {};
const round = (values) => values.map((v) => Math.round(v * 1e6) / 1e6);
const stripMarkers = (markup) => markup.replace(/<!--[^]*?-->/g, '');

results.lodash = {
  chunk: chunk([1, 2, 3, 4, 5], 2),
  groupBy: groupBy([6.1, 4.2, 6.3], Math.floor),
  sortBy: sortBy([{ n: 'b', a: 2 }, { n: 'a', a: 1 }], ['a']),
  uniq: uniq([2, 1, 2, 3, 1]),
  merge: merge({ a: [{ b: 2 }] }, { a: [{ c: 3 }] }),
  camelCase: camelCase('Foo Bar-baz'),
  template: template('hello <%= user %>!')({ user: 'fred' }),
  debounce: typeof debounce(() => 1, 10),
  cloneDeep: isEqual(cloneDeep({ x: [1, { y: 2 }] }), { x: [1, { y: 2 }] }),
  namespaceSize: Object.keys(lodashNs).length > 250,
};

const day = new Date(Date.UTC(2024, 1, 27, 12));
results.dateFns = {
  format: format(day, 'yyyy-MM-dd EEEE'),
  addDays: formatISO(addDays(day, 3), { representation: 'date' }),
  differenceInDays: differenceInDays(parseISO('2024-12-25'), parseISO('2024-01-01')),
  isLeapYear: [isLeapYear(day), isLeapYear(new Date(2023, 5, 1))],
  startOfWeek: format(startOfWeek(day), 'yyyy-MM-dd'),
  interval: eachDayOfInterval({ start: parseISO('2024-03-01'), end: parseISO('2024-03-04') }).map((d) => format(d, 'd')),
};

const collected = [];
of(1, 2, 3, 4, 5).pipe(filter((x) => x % 2 === 1), map((x) => x * 10), scan((acc, x) => acc + x, 0)).subscribe((x) => collected.push(x));
const subject = new BehaviorSubject(1);
const seen = [];
subject.pipe(distinctUntilChanged()).subscribe((x) => seen.push(x));
[1, 2, 2, 3].forEach((x) => subject.next(x));
const plain = new Subject();
results.rxjs = {
  scan: collected,
  distinct: seen,
  range: await firstValueFrom(range(1, 4).pipe(reduce((a, b) => a * b, 1))),
  combine: await firstValueFrom(combineLatest([of('a'), from([1, 2])]).pipe(toArray())),
  take: await firstValueFrom(from([5, 6, 7]).pipe(take(2), toArray())),
  subjectIsObservable: typeof plain.pipe === 'function',
};

const scale = d3.scaleLinear().domain([0, 10]).range([0, 100]);
results.d3 = {
  scale: [scale(5), scale.invert(25)],
  format: [d3.format('.2f')(Math.PI), d3.format(',')(1234567), d3.format('.0%')(0.256)],
  stats: [d3.sum([1, 2, 3]), d3.mean([1, 2, 3, 4]), d3.extent([5, 1, 9]), d3.median([3, 1, 2])],
  line: d3.line()([[0, 0], [1, 1], [2, 0]]),
  arc: d3.arc()({ innerRadius: 0, outerRadius: 10, startAngle: 0, endAngle: Math.PI / 2 }),
  color: [d3.color('steelblue').formatHex(), d3.interpolateRgb('red', 'blue')(0.5)],
  time: d3.utcFormat('%Y-%m-%d')(day),
  hierarchy: d3.hierarchy({ name: 'r', children: [{ name: 'a' }, { name: 'b', children: [{ name: 'c' }] }] }).descendants().map((n) => n.data.name),
  selection: (() => { const el = document.createElement('div'); d3.select(el).selectAll('p').data([1, 2]).join('p').text((d) => `p${d}`); return el.innerHTML; })(),
};

class EquivalenceCounter extends LitElement {
  static properties = { count: { type: Number } };
  static styles = css`:host { display: block; }`;
  constructor() { super(); this.count = 2; }
  render() { return html`<span>count ${this.count}</span>`; }
}
customElements.define('equivalence-counter', EquivalenceCounter);
const litHost = document.createElement('div');
render(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`, litHost);
const counter = document.createElement('equivalence-counter');
document.body.append(counter);
counter.count = 5;
await counter.updateComplete;
results.lit = {
  render: stripMarkers(litHost.innerHTML),
  element: stripMarkers(counter.shadowRoot.innerHTML),
  oneLitHtml: html === litHtml,
};
counter.remove();

const preactHtml = htm.bind(h);
function Greeting({ name }) {
  const [times] = useState(3);
  const shout = useMemo(() => name.toUpperCase(), [name]);
  return preactHtml`<${Fragment}><b>${shout}</b><i>${times}</i></${Fragment}>`;
}
const preactHost = document.createElement('div');
preactRender(preactHtml`<${Greeting} name="preact" />`, preactHost);
results.preact = { render: preactHost.innerHTML };

const rotated = new Vector3(1, 2, 3).applyMatrix4(new Matrix4().makeRotationZ(Math.PI / 2));
const q = new Quaternion().setFromEuler(new Euler(0.1, 0.2, 0.3));
results.three = {
  rotated: round(rotated.toArray()),
  quaternion: round(q.toArray()),
  color: new Color('#ff8800').getHexString(),
  box: round(new Box3().setFromPoints([new Vector3(-1, 0, 2), new Vector3(3, -4, 1)]).getSize(new Vector3()).toArray()),
  clamp: MathUtils.clamp(15, 0, 10),
};

const state = reactive({ items: [1, 2, 3] });
const total = computed(() => state.items.reduce((a, b) => a + b, 0));
const label = ref('vue');
const vueHost = document.createElement('div');
createApp({ render: () => vueH('p', { class: 'x' }, `${label.value}:${total.value}`) }).mount(vueHost);
state.items.push(4);
label.value = 'Vue';
await nextTick();
results.vue = { render: vueHost.innerHTML, total: total.value };

enablePatches();
const base = { todos: [{ title: 'a', done: false }] };
const [next, patches, inverse] = produceWithPatches(base, (draft) => { draft.todos[0].done = true; draft.todos.push({ title: 'b', done: false }); });
results.immer = {
  next,
  patches,
  undone: applyPatches(next, inverse),
  unchangedBase: base.todos.length,
  frozen: Object.isFrozen(produce(base, (d) => { d.extra = 1; })),
};

const User = z.object({ name: z.string().min(2), age: z.number().int().positive(), email: z.string().email().optional() });
const bad = User.safeParse({ name: 'x', age: -1, email: 'nope' });
results.zod = {
  ok: User.safeParse({ name: 'Ada', age: 36 }),
  issues: bad.success ? [] : bad.error.issues.map((i) => [i.path.join('.'), i.code]),
  coerce: z.coerce.number().parse('42'),
};

const small = customAlphabet('abc', 12)();
results.nanoid = { length: nanoid().length, custom: [small.length, /^[abc]+$/.test(small)] };

window.__results = JSON.stringify(results);
