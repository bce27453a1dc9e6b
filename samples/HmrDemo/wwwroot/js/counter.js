// A self-accepting module: each new version re-mounts the button and keeps the count in import.meta.hot.data.
const label = 'Clicked';

let count = import.meta.hot?.data.count ?? 0;
let host = import.meta.hot?.data.host ?? null;

function render() {
  host.replaceChildren();
  const button = document.createElement('button');
  button.id = 'counter-button';
  button.textContent = `${label} ${count} times`;
  button.addEventListener('click', () => {
    count++;
    if (import.meta.hot) import.meta.hot.data.count = count;
    render();
  });
  host.append(button);
}

export function mountCounter(element) {
  host = element;
  render();
}

if (import.meta.hot) {
  import.meta.hot.accept();
  import.meta.hot.dispose((data) => {
    data.count = count;
    data.host = host;
  });
  // A re-executed version finds its host in data: render straight away.
  if (host) render();
}
