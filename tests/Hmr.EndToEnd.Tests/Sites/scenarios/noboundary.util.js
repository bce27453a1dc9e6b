export const text = 'util one';
