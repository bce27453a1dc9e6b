// Listens to vite:beforeUpdate and vite:afterUpdate; each new version replaces the old version's listeners.
const text = 'events one';

document.getElementById('out').textContent = text;

if (import.meta.hot) {
  import.meta.hot.on('vite:beforeUpdate', () => {
    window.__before = (window.__before ?? 0) + 1;
    window.__order = (window.__order ?? '') + 'b';
  });
  import.meta.hot.on('vite:afterUpdate', () => {
    window.__after = (window.__after ?? 0) + 1;
    window.__order = (window.__order ?? '') + 'a';
  });
  import.meta.hot.accept();
}
