// Accepts updates of its direct import and re-renders with the new export; never re-runs itself.
import { message } from './depaccept.dep.js';

window.__mainRuns = (window.__mainRuns ?? 0) + 1;

function render(text) {
  document.getElementById('out').textContent = text;
}

render(message);

if (import.meta.hot) {
  import.meta.hot.accept('./depaccept.dep.js', (dep) => {
    if (dep) render(dep.message);
  });
}
