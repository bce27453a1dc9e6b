// The page's entry, in an import cycle with b.js, which accepts itself. It reads b's binding only when called, so
// running again before b (as the re-import of b makes it) is harmless.
import { label } from './cyclerun.b.js';

(window.__log ??= []).push('a ran');
document.getElementById('out').addEventListener('click', () => console.log(label));
