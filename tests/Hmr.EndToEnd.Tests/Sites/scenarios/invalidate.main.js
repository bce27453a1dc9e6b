// Accepts ./child.js; the child accepts itself but gives up with invalidate(), so the update reaches here.
import { value } from './invalidate.child.js';

window.__mainRuns = (window.__mainRuns ?? 0) + 1;

function render(text) {
  document.getElementById('out').textContent = text;
}

render(value);

if (import.meta.hot) {
  import.meta.hot.on('vite:invalidate', (payload) => {
    document.body.dataset.invalidated = payload?.path ?? 'yes';
  });
  import.meta.hot.accept('./invalidate.child.js', (child) => {
    if (child) {
      document.body.dataset.parentAccepted = String(Number(document.body.dataset.parentAccepted ?? 0) + 1);
      render(child.value);
    }
  });
}
