// Uses only `label`, which the imported module accepts itself: edits there need not re-run this module.
import { label } from './acceptexports.shared.js';

window.__mainRuns = (window.__mainRuns ?? 0) + 1;
document.getElementById('out').textContent = 'main saw ' + label;
