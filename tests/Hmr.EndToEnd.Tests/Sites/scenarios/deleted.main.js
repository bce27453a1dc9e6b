// Nothing accepts: deleting ./gone.js makes this module changed, a dead end, so one full reload.
import { gone } from './deleted.gone.js';

document.getElementById('out').textContent = 'main with ' + gone;
