// Self-accepting; each step of its life (run, dispose, accept, prune) goes to the page's log.
const runs = (import.meta.hot?.data.runs ?? 0) + 1;
const log = (line) => {
  (window.__log ??= []).push(line);
  document.getElementById('out').textContent = window.__log.join(', ');
};
log(`child one ran ${runs}`);

if (import.meta.hot) {
  import.meta.hot.accept((mod) => log(mod ? 'accepted the new child' : 'accepted undefined'));
  import.meta.hot.dispose((data) => { data.runs = runs; log('disposed'); });
  import.meta.hot.prune(() => log('pruned'));
}
