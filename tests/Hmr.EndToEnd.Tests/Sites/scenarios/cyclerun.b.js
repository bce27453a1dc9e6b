// Imports the entry back (a cycle) and accepts itself: its re-import reaches a.js with the update's timestamp, so a.js
// runs again first, then this module (as in Vite).
import './cyclerun.a.js';

export const label = 'b one';
(window.__log ??= []).push('b ran: ' + label);
document.getElementById('out').textContent = window.__log.join(', ');

if (import.meta.hot) {
  import.meta.hot.accept();
}
