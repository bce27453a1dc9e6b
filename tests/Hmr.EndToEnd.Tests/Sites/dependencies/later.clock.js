// Hot beside a module whose dependency is being bundled, or is broken.
document.getElementById('clock').textContent = 'clock one';

if (import.meta.hot) import.meta.hot.accept();
