// fast-check arbitraries for hostile client templates seeded into the Excel host: headers in odd
// spellings, order and position, unknown columns, and data cells full of what real sheets hold —
// blanks, merges, error values, formulas, formats, 10k-char text, control characters, emoji, RTL.
import fc from 'fast-check';
import { fieldForHeader, TEMPLATE_COLUMNS, type FieldKey } from '../../../src/domain';
import type { SeedCell } from '../../excel-host';

export interface HostileSheet {
  /** Rows to seed, starting at sheet row `startRow` (0-based) and column `startColumn`. */
  cells: SeedCell[][];
  startRow: number;
  startColumn: number;
  /** 0-based index into `cells` of the header row. */
  headerIndex: number;
  /** A1 ranges to merge in the data area. */
  merges: string[];
  /** Required fields whose header the sheet lacks. */
  droppedRequired: FieldKey[];
}

const LONG = 'L'.repeat(10_000);

/** Text no header matcher would take for a column name (data must not look like a second header). */
export const HOSTILE_TEXT: readonly string[] = [
  "=cmd|' /c calc'!A1",
  '=1+1',
  '+SUM(A1:A2)',
  '-2',
  '@HYPERLINK("http://x")',
  '00123',
  '  padded  ',
  'Ann\nLee',
  'tab\there',
  'nul\u0000byte',
  '\u0007',
  '   ',
  '\u001b[31mred',
  'emoji 👩‍👩‍👧‍👦',
  '🙂',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202Eevil\u202C',
  LONG,
  'Yes',
  'no',
  'YES ',
  'owner@firm.test',
  'Main Office',
  'ann@example.com',
  'null',
  'undefined',
  '#N/A',
  '<script>alert(1)</script>',
  "O'Brien",
  '"quoted"',
  'Zoë Ünïcødé',
  'C-001',
  '١٢٣',
];

const OWNERS = ['owner@firm.test', 'partner@firm.test'];

const cellArb: fc.Arbitrary<SeedCell> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...OWNERS, 'North', 'C00042', 'Lee') },
  {
    weight: 1,
    arbitrary: fc.constantFrom<SeedCell>(
      { value: 123, numberFormat: '00000' },
      447911123456,
      { value: 45000, numberFormat: 'm/d/yyyy' },
      { value: 0.25, numberFormat: '0.00' },
      { value: 1234.5, numberFormat: '#,##0.00' },
      -7,
      3.14159,
      true,
      false,
      { value: 5, text: '####' },
      { value: '00777', numberFormat: '@' },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<SeedCell>({ error: '#N/A' }, { error: '#REF!' }, { error: '#DIV/0!' }, { error: '#VALUE!' }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<SeedCell>(
      { formula: '=A1&"x"', value: 'computed' },
      { formula: '=1/0', error: '#DIV/0!' },
      { formula: '=SUM(1,2)', value: 3 },
      { formula: '=HYPERLINK("http://evil.test","click")', value: 'click' },
      { formula: '=NOW()', value: 45000.5, numberFormat: 'm/d/yyyy h:mm' },
    ),
  },
);

function spell(header: string, style: number): string {
  const variants = [
    header,
    header.toUpperCase(),
    header.toLowerCase(),
    `${header}*`,
    `${header} *`,
    `  ${header.replace(/ /g, '   ')}  `,
    header.replace(/ /g, ''),
    header.replace(/ /g, '_'),
    `${header.toLowerCase()}**`,
    header.replace(/ /g, '-'),
  ];
  return variants[style % variants.length];
}

const UNKNOWN_HEADERS = ['Notes', 'Internal Ref', '備考', 'Column 12', 'Date Added', '🙂', 'ملاحظات'];

const headerArb = fc.record({
  // Each required column is present with high probability; a few sheets lack one.
  present: fc.array(fc.boolean(), { minLength: TEMPLATE_COLUMNS.length, maxLength: TEMPLATE_COLUMNS.length }),
  dropRequired: fc.oneof({ weight: 6, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat(4) }),
  styles: fc.array(fc.nat(40), { minLength: TEMPLATE_COLUMNS.length, maxLength: TEMPLATE_COLUMNS.length }),
  order: fc.shuffledSubarray([...TEMPLATE_COLUMNS.keys()], { minLength: TEMPLATE_COLUMNS.length, maxLength: TEMPLATE_COLUMNS.length }),
  unknown: fc.array(fc.record({ at: fc.nat(12), name: fc.constantFrom(...UNKNOWN_HEADERS) }), { maxLength: 3 }),
  repeatField: fc.option(fc.nat(TEMPLATE_COLUMNS.length - 1), { nil: undefined }),
});

type HeaderSpec = typeof headerArb extends fc.Arbitrary<infer T> ? T : never;

function headerRow(h: HeaderSpec) {
  const required = TEMPLATE_COLUMNS.map((c, i) => (c.required ? i : -1)).filter((i) => i >= 0);
  const dropped = h.dropRequired >= 0 ? required[h.dropRequired % required.length] : -1;
  const names: string[] = [];
  for (const index of h.order) {
    const column = TEMPLATE_COLUMNS[index];
    if (index === dropped || (!column.required && !h.present[index])) continue;
    const choices = [column.header, ...column.aliases];
    names.push(spell(choices[h.styles[index] % choices.length], h.styles[index]));
  }
  if (h.repeatField !== undefined && h.repeatField !== dropped) names.push(spell(TEMPLATE_COLUMNS[h.repeatField].header, 3));
  for (const u of h.unknown) names.splice(Math.min(u.at, names.length), 0, u.name);
  return { names, droppedRequired: dropped >= 0 ? [TEMPLATE_COLUMNS[dropped].field] : [] };
}

export interface HostileOptions {
  maxDataRows?: number;
  /** Leave out text the server refuses outright (over 1,000 characters). */
  serverSafe?: boolean;
}

export function hostileSheetArb(options: HostileOptions = {}): fc.Arbitrary<HostileSheet> {
  const cell = options.serverSafe ? cellArb.filter((c) => typeof c !== 'string' || c.length <= 1000) : cellArb;
  return fc
    .record({
      header: headerArb,
      above: fc.array(
        fc.oneof(fc.constant<SeedCell[]>([]), fc.constant<SeedCell[]>(['Client list — 2024']), fc.constant<SeedCell[]>([null, 'Prepared by: staff'])),
        { maxLength: 19 },
      ),
      data: fc.array(
        fc.oneof(
          { weight: 1, arbitrary: fc.constant<SeedCell[]>([]) },
          { weight: 4, arbitrary: fc.array(cell, { minLength: 1, maxLength: 14 }) },
          // A plausible client (a number picks its values), laid out under whatever headers the sheet has.
          { weight: 3, arbitrary: fc.nat(50) },
        ),
        { maxLength: options.maxDataRows ?? 12 },
      ),
      startRow: fc.nat(3),
      startColumn: fc.nat(3),
      merges: fc.array(fc.record({ row: fc.nat(20), col: fc.nat(14), down: fc.boolean() }), { maxLength: 3 }),
    })
    .map(({ header, above, data, startRow, startColumn, merges }) => {
      const { names, droppedRequired } = headerRow(header);
      const cells: SeedCell[][] = [...above, names, ...data.map((row) => (typeof row === 'number' ? plausibleRow(names, row) : row))];
      const headerIndex = above.length;
      return { cells, startRow, startColumn, headerIndex, droppedRequired, merges: mergeRanges(merges, startRow + headerIndex + 1, startColumn, data.length) };
    });
}

const PLAUSIBLE: Record<FieldKey, (n: number) => SeedCell> = {
  taxClientId: (n) => (n % 4 === 0 ? { value: `00${n}`, numberFormat: '@' } : `C-${n}`),
  firstName: (n) => ['Ann', 'José', 'زينب', 'Zoë 🙂'][n % 4],
  lastName: (n) => ['Lee', 'Núñez', 'כהן', "O'Brien"][n % 4],
  email: (n) => (n % 3 === 0 ? '' : `client${n}@mail.test`),
  mobile: (n) => (n % 2 === 0 ? '' : 5550100000 + n),
  spouseFirstName: () => '',
  spouseLastName: () => '',
  spouseEmail: (n) => (n % 5 === 0 ? `spouse${n}@mail.test` : ''),
  ownerEmail: (n) => OWNERS[n % 2],
  officeLocation: (n) => (n % 2 ? 'Main Office' : 'north'),
  isOffline: (n) => ['Yes', 'No', '', 'yes'][n % 4],
};

function plausibleRow(names: readonly string[], n: number): SeedCell[] {
  return names.map((name) => {
    const field = fieldForHeader(name);
    return field ? PLAUSIBLE[field](n) : 'ignored';
  });
}

/** Non-overlapping 1×2 or 2×1 merges inside the data rows, as A1 ranges. */
function mergeRanges(specs: { row: number; col: number; down: boolean }[], firstDataRow: number, firstColumn: number, dataRows: number): string[] {
  const taken = new Set<string>();
  const out: string[] = [];
  for (const { row, col, down } of specs) {
    if (dataRows < 2 || row >= dataRows - 1) continue;
    const r = firstDataRow + row;
    const c = firstColumn + col;
    const cells = down
      ? [
          [r, c],
          [r + 1, c],
        ]
      : [
          [r, c],
          [r, c + 1],
        ];
    if (cells.some(([a, b]) => taken.has(`${a}:${b}`))) continue;
    cells.forEach(([a, b]) => taken.add(`${a}:${b}`));
    const [[r1, c1], [r2, c2]] = cells;
    out.push(`${columnName(c1)}${r1 + 1}:${columnName(c2)}${r2 + 1}`);
  }
  return out;
}

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
