// Nothing accepts: deleting ./gone.js is an update of gone.js that reaches this module, a dead end, so one full reload.
import { gone } from './deleted.gone.js';

document.getElementById('out').textContent = 'main with ' + gone;
