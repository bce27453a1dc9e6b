export const label = 'from b one';
