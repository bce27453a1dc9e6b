// ES packages (lodash-es, date-fns) and CommonJS ones (dayjs, react, react-dom) by bare name, with no import map
// written by hand: the build pre-bundles them and the page's import map gets their entries.
import { chunk, camelCase } from 'lodash-es';
import { addDays, formatISO } from 'date-fns';
import dayjs from 'dayjs';
import React, { useState } from 'react';
import { createRoot } from 'react-dom/client';
import './app.js';

const results = {
  chunk: chunk([1, 2, 3, 4, 5], 2),
  camel: camelCase('hot module replacement'),
  date: formatISO(addDays(new Date(2026, 0, 1), 2), { representation: 'date' }),
  dayjs: dayjs('2026-12-03').add(1, 'day').format('YYYY-MM-DD'),
  react: typeof useState === 'function' && React.version.length > 0,
};
document.getElementById('out').textContent = JSON.stringify(results);

function Hello() {
  const [n] = useState(41);
  return React.createElement('span', { id: 'react' }, `react rendered ${n + 1}`);
}
const mount = document.createElement('div');
document.body.append(mount);
createRoot(mount).render(React.createElement(Hello));
