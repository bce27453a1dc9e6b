// Imports no package at first: a test adds one while the app runs (bundled in the background, then one reload).
document.getElementById('later').textContent = 'no package yet';

if (import.meta.hot) import.meta.hot.accept();
