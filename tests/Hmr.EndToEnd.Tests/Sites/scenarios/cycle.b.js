import { name } from './cycle.a.js';

export const bValue = 'b one';

export function partner() {
  return name();
}
