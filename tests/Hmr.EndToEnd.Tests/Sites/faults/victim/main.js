import { dep } from './dep.js';
export const VALUE = 'victim 0';
document.getElementById('out').textContent = VALUE + ' / ' + dep;
if (import.meta.hot) import.meta.hot.accept();
