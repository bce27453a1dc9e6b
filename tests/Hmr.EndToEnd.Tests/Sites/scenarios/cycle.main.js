// Accepts ./a.js, which is in a cycle with ./b.js; the change is in b.
import { describe } from './cycle.a.js';

function render(text) {
  document.getElementById('out').textContent = text;
}

render(describe());

if (import.meta.hot) {
  import.meta.hot.accept('./cycle.a.js', (a) => {
    document.body.dataset.acceptRuns = String(Number(document.body.dataset.acceptRuns ?? 0) + 1);
    if (a) render(a.describe());
  });
}
