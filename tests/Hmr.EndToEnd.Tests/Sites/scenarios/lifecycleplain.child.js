export const text = 'child one';
