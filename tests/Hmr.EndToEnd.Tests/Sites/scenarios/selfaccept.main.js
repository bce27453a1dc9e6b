// A counter that accepts its own updates and keeps its count in import.meta.hot.data.
const LABEL = 'Clicks';

const button = document.getElementById('btn');
let count = import.meta.hot?.data.count ?? 0;

function render() {
  document.getElementById('label').textContent = LABEL;
  document.getElementById('count').textContent = String(count);
}

function onClick() {
  count += 1;
  if (import.meta.hot) import.meta.hot.data.count = count;
  render();
}

button.addEventListener('click', onClick);
render();

if (import.meta.hot) {
  import.meta.hot.accept();
  import.meta.hot.dispose(() => button.removeEventListener('click', onClick));
}
