// Accepts updates of every one of its exports: as in Vite, that makes it self-accepting.
export const label = 'all one';

export function shout(text) {
  return text.toUpperCase() + '!';
}

document.getElementById('self').textContent = 'shared has ' + label;

if (import.meta.hot) {
  import.meta.hot.acceptExports(['label', 'shout']);
}
