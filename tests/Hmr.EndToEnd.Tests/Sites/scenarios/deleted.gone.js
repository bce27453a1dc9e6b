export const gone = 'gone one';
