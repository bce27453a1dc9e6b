export const base = 'base';
