// Imports the whole namespace statically and again with import(): both use every export, all of which the imported
// module accepts, so its edits stop there and this module never runs again.
import * as shared from './acceptexportsall.shared.js';

window.__mainRuns = (window.__mainRuns ?? 0) + 1;
const lazy = await import('./acceptexportsall.shared.js');
document.getElementById('out').textContent = `${shared.shout('main')} ${lazy.label}`;
