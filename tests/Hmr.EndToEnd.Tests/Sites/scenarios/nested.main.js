// Accepts ./mid.js; the change happens in ./leaf.js, two levels below.
import { describe } from './nested.mid.js';

window.__mainRuns = (window.__mainRuns ?? 0) + 1;

function render(text) {
  document.getElementById('out').textContent = text;
}

render(describe());

if (import.meta.hot) {
  import.meta.hot.accept('./nested.mid.js', (mid) => {
    if (mid) render(mid.describe());
  });
}
