// The dispose handler hands state to the next version through import.meta.hot.data.
const VERSION = 'v1';

const previous = import.meta.hot?.data.disposedVersion;
const ticks = import.meta.hot?.data.ticks ?? 0;
const timer = setInterval(() => {}, 1000);

document.getElementById('out').textContent = previous ? `${VERSION} after ${previous} (${ticks})` : `${VERSION} fresh`;

if (import.meta.hot) {
  import.meta.hot.accept();
  import.meta.hot.dispose((data) => {
    clearInterval(timer);
    data.disposedVersion = VERSION;
    data.ticks = ticks + 1;
  });
}
