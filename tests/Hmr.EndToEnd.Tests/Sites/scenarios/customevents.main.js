// Custom events both ways: my:ping goes to the app's IHmrServer handler, which answers my:pong { n: n + 1 }.
// The first ping is sent at the top level, while the page is still loading (before the socket may be open).
const pongs = [];

if (import.meta.hot) {
  import.meta.hot.on('my:pong', (data) => {
    pongs.push(data.n);
    document.getElementById('pongs').textContent = pongs.join(',');
  });
  window.__socketStateAtFirstSend = window.__hmrSocket?.readyState ?? 'no socket yet';
  import.meta.hot.send('my:ping', { n: 1 });
  document.getElementById('ping').addEventListener('click', () => import.meta.hot.send('my:ping', { n: 41 }));
}
