import { value } from './nested.leaf.js';

export function describe() {
  return 'mid sees ' + value;
}
