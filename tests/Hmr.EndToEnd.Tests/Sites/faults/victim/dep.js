export const dep = 'dep 0';
