// Accepts its plain child as a dependency and shows what each update hands over.
import { text } from './lifecycleplain.child.js';

const show = (line) => {
  (window.__log ??= []).push(line);
  document.getElementById('out').textContent = window.__log.join(', ');
};
show('main got ' + text);

if (import.meta.hot) {
  import.meta.hot.accept('./lifecycleplain.child.js', (mod) => show(mod ? 'main got ' + mod.text : 'main got undefined'));
}
