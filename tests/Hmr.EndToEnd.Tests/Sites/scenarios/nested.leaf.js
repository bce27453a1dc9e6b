export const value = 'leaf one';
