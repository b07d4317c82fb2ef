/** Engine version: bump when analysis output changes so stored analyses are redone. */
export const VERSION = '0.8.0';
