import { greeting } from './greeting.js';
import { mountCounter } from './counter.js';
import { footerText } from './footer.js';
import { mountClock } from './clock.js';

function renderGreeting(text) {
  document.getElementById('greeting').textContent = text;
}

renderGreeting(greeting());
mountCounter(document.getElementById('counter'));
mountClock(document.getElementById('clock'));
document.getElementById('footer').textContent = footerText;

if (import.meta.hot) {
  // main.js accepts greeting.js: a new greeting re-renders here, main.js itself does not run again.
  import.meta.hot.accept('./greeting.js', (newGreeting) => {
    if (newGreeting) renderGreeting(newGreeting.greeting());
  });
}
