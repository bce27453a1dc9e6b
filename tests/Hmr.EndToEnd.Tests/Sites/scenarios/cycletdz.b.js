// Imports the entry back (a cycle) and accepts itself; the re-import throws in a.js, so the page reloads.
import './cycletdz.a.js';

export const label = 'b one';

if (import.meta.hot) {
  import.meta.hot.accept();
}
