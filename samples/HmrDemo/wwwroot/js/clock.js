// An npm package by bare name: dayjs (a CommonJS package) and one of its plugins come from node_modules, pre-bundled
// at build time into ES modules that the page's import map points to. No import map written by hand, no Node.
// The module accepts itself: edit the sentence below and the text changes in place, the opening time stays.
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

const openedAt = import.meta.hot?.data.openedAt ?? dayjs();
let host = import.meta.hot?.data.host ?? null;
let timer;

function render() {
  host.textContent = `This page was opened ${openedAt.fromNow()}, at ${openedAt.format('HH:mm:ss')}.`;
}

export function mountClock(element) {
  host = element;
  render();
  timer = setInterval(render, 5000);
}

if (import.meta.hot) {
  import.meta.hot.accept();
  import.meta.hot.dispose((data) => {
    clearInterval(timer);
    data.openedAt = openedAt;
    data.host = host;
  });
  if (host) mountClock(host);
}
