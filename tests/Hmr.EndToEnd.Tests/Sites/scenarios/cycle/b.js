import { name } from './a.js';

export const bValue = 'b one';

export function partner() {
  return name();
}
