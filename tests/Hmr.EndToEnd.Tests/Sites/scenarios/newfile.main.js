// Self-accepting; an edit starts importing a file created by the test.
const text = 'no new file yet';

document.getElementById('out').textContent = text;

if (import.meta.hot) {
  import.meta.hot.accept();
}
