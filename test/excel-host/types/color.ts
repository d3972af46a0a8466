import { invalidArgument } from '../model/errors';

const NAMED: Record<string, string> = {
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  white: '#FFFFFF',
  black: '#000000',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
};

/** Excel answers colours as upper-case #RRGGBB. */
export function normalizeColor(v: unknown, where: string): string {
  if (typeof v !== 'string') throw invalidArgument('A colour must be a string.', where);
  const named = NAMED[v.toLowerCase()];
  if (named) return named;
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`.toUpperCase();
  throw invalidArgument(`'${v}' is not a colour.`, where);
}
