// Self-accepting; an edit stops importing ./old.js, then the test deletes it: no reload.
import { old } from './prunedelete.old.js';

document.getElementById('out').textContent = 'main with ' + old;

if (import.meta.hot) {
  import.meta.hot.accept();
}
