// Only here so the page runs a module; the stylesheet is what changes.
document.body.dataset.ready = 'yes';

if (import.meta.hot) {
  import.meta.hot.accept();
}
