export const VALUE = 'drop 0';
document.getElementById('out').textContent = VALUE;
if (import.meta.hot) import.meta.hot.accept();
