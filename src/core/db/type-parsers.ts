/**
 * node-postgres and PGlite parse some types differently by default. Both drivers get the same parsers so
 * that code and tests see identical values whichever database runs underneath.
 */
export const pgTypeOids = { int8: 20, date: 1082, numeric: 1700 } as const;

export const typeParsers: Record<number, (value: string) => unknown> = {
  // Counts and ids fit into a double; amounts of money are integer cents well below 2^53.
  [pgTypeOids.int8]: (value) => Number(value),
  // A calendar date has no time zone: keep it as the ISO text `yyyy-mm-dd`, never a JS Date.
  [pgTypeOids.date]: (value) => value,
  [pgTypeOids.numeric]: (value) => value,
};
