export const message = 'dep one';
