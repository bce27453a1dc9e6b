// Self-accepting; an edit removes the import of ./extra.js, which must then be pruned.
import { base } from './prune.base.js';
import './prune.extra.js';

document.getElementById('out').textContent = 'main with ' + base;

if (import.meta.hot) {
  import.meta.hot.accept();
}
