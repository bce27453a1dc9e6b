export const old = 'old one';
