const text = 'reconnect one';

document.getElementById('out').textContent = text;

if (import.meta.hot) {
  import.meta.hot.accept();
}
