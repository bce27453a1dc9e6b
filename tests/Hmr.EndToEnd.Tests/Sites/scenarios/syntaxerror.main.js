// Self-accepting; an edit breaks line 2, the next one fixes it.
const label = 'ok v1';

document.getElementById('out').textContent = label;

if (import.meta.hot) {
  import.meta.hot.accept();
}
