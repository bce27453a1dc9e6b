// Nothing on the way up accepts: a change below is a full reload.
import { text } from './noboundary.util.js';

document.getElementById('out').textContent = text;
