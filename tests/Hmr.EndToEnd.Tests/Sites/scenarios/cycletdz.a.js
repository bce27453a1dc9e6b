// The page's entry, in an import cycle with b.js, which accepts itself. It reads b's binding at the top level: fine
// on the first load (b runs first), a temporal-dead-zone error when b's re-import runs it again before b.
import { label } from './cycletdz.b.js';

document.getElementById('out').textContent = 'a sees ' + label;
