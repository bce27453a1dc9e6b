// Shows what the C# endpoint answers, and a text that the JS edits change (self-accepting).
const text = 'js one';

document.getElementById('out').textContent = text;

fetch('/api/text')
  .then((response) => response.text())
  .then((body) => { document.getElementById('server').textContent = body; });

if (import.meta.hot) {
  import.meta.hot.accept();
}
