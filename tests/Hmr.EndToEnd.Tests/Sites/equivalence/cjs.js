// Equivalence page for the CommonJS packages (BundleEquivalenceTests.cs): React with react-dom/client, and dayjs with
// a plugin. Bundled by Hmr.Build; dayjs's results are compared with the same calls run in Node, React's with the
// behaviour React documents.
import React, { useState, useEffect, version } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
const results = {};
results.dayjs = {
  format: dayjs.utc('2024-02-27T12:00:00Z').format('YYYY-MM-DD dddd HH:mm'),
  add: dayjs.utc('2024-01-31T00:00:00Z').add(1, 'month').toISOString(),
  diff: dayjs.utc('2024-12-25').diff(dayjs.utc('2024-01-01'), 'day'),
  leap: dayjs.utc('2024-02-01').daysInMonth(),
  valid: [dayjs('not a date').isValid(), dayjs.isDayjs(dayjs())],
};

let effects = 0;
function Counter() {
  const [count, setCount] = useState(1);
  useEffect(() => { effects++; if (count < 3) setCount(count + 1); }, [count]);
  return React.createElement('p', { id: 'react-count' }, `count ${count}`);
}
const host = document.createElement('div');
document.body.append(host);
const root = createRoot(host);
flushSync(() => root.render(React.createElement(Counter)));
// Effects run after paint, and the last one (count 3, which sets no state) after the DOM already shows 'count 3':
// wait (up to 10 s on a busy machine) for the text and the effect both, so the count read is the one they stop at.
const settled = () => host.textContent.includes('count 3') && effects >= 3;
for (let waited = 0; waited < 10000 && !settled(); waited += 20) {
  await new Promise((resolve) => setTimeout(resolve, 20));
}
results.react = { html: host.innerHTML, effects, version, sameReact: typeof React.Component === 'function' };
root.unmount();

window.__results = JSON.stringify(results);
