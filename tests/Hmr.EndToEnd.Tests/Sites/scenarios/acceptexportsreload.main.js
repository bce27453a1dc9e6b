// Uses `shout`, an export the imported module does not accept: edits there reach this module, a dead end.
import { shout } from './acceptexportsreload.shared.js';

document.getElementById('out').textContent = shout('main');
