/** 1500 → `1,500`: the pane writes numbers as staff read them. */
export const n = (value: number) => value.toLocaleString('en-US');

/** count(1, 'row') → `1 row`; count(2, 'row') → `2 rows`. */
export const count = (value: number, one: string) => `${n(value)} ${one}${value === 1 ? '' : 's'}`;
