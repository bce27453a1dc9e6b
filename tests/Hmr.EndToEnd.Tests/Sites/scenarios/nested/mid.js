import { value } from './leaf.js';

export function describe() {
  return 'mid sees ' + value;
}
