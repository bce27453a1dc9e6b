import { bValue } from './b.js';

export function name() {
  return 'a';
}

export function describe() {
  return name() + '+' + bValue;
}
