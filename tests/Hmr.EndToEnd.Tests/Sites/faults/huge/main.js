import * as empty from './empty.js';
export const VALUE = 'huge 0';
document.getElementById('out').textContent = VALUE + ' / ' + Object.keys(empty).length;
if (import.meta.hot) import.meta.hot.accept();
