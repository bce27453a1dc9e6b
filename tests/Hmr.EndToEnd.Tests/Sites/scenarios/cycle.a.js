import { bValue } from './cycle.b.js';

export function name() {
  return 'a';
}

export function describe() {
  return name() + '+' + bValue;
}
