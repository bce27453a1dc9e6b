// The app's own module: hot as usual next to the dependencies.
import { kebabCase } from 'lodash-es';

document.getElementById('app').textContent = kebabCase('app version one');

if (import.meta.hot) import.meta.hot.accept();
