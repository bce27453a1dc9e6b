// Imports and accepts a dependency by the bare name the page's import map gives it.
import { label } from 'importmap-dep';

function render(text) {
  document.getElementById('out').textContent = text;
}

render(label);

if (import.meta.hot) {
  import.meta.hot.accept('importmap-dep', (dep) => {
    if (dep) render(dep.label);
  });
}
