export const v = 0;
