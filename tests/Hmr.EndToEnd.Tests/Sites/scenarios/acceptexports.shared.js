// Accepts updates of its own `label` export only (partial self-accept).
export const label = 'label one';

export function shout(text) {
  return text.toUpperCase() + '!';
}

document.getElementById('self').textContent = 'shared has ' + label;

if (import.meta.hot) {
  import.meta.hot.acceptExports(['label']);
}
