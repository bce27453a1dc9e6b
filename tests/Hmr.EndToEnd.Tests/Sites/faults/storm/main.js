// Rewritten 500 times within a second by the test; the page must end on the last version.
export const VALUE = 'storm 0';
document.getElementById('out').textContent = VALUE;
if (import.meta.hot) import.meta.hot.accept();
