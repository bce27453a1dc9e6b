// Imported for its side effect; when nothing imports it any more its prune handler marks the page.
document.getElementById('extra').textContent = 'extra loaded';

if (import.meta.hot) {
  import.meta.hot.dispose(() => {
    document.body.dataset.extraDisposed = 'yes';
  });
  import.meta.hot.prune(() => {
    document.body.dataset.extraPruned = 'yes';
    document.getElementById('extra').textContent = 'extra pruned';
  });
}
