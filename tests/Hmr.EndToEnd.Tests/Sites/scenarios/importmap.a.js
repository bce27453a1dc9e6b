export const label = 'from a one';
