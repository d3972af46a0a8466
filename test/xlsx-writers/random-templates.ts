import fc from 'fast-check';
import { HEADERS } from './template-cases';
import type { CellSpec, SheetSpec, WorkbookSpec } from './workbook-spec';

// Random workbooks holding a client template, for tests that feed one workbook through both reading
// paths (the open workbook and a dropped file). They vary what the header search must get right: where
// the header is (row and column), the order and spelling of its columns, unknown columns, title rows,
// and the sheets around it (hidden ones, incomplete templates, an active sheet that is not the template).

const FORMATS = ['General', '0', '00000', '000-00-0000', '#,##0.00', '0.0%', '[Red]0;(0)', 'yyyy-mm-dd', 'd-mmm-yy', '@', '"ID "0', '0.00E+00'];
// Text as users type it, with what XML must escape and characters beyond ASCII; no control characters
// (Excel stores those as _xHHHH_ escapes, covered by the shared-strings code path).
const text = fc.stringMatching(/^[A-Za-z0-9 &<>"'.@_\-éüß中文€]{0,12}$/);

type Cell = Omit<CellSpec, 'ref'> | null;

/** Any cell value a user's sheet may hold, with any number format. */
export const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  text.map((value) => ({ kind: 'string' as const, value })),
  fc
    .tuple(fc.oneof(fc.integer({ min: -1e6, max: 1e12 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), fc.constantFrom(...FORMATS))
    .map(([value, format]) => ({ kind: 'number' as const, value, format })),
  fc.boolean().map((value) => ({ kind: 'bool' as const, value })),
  fc.constantFrom('#N/A', '#VALUE!', '#REF!').map((value) => ({ kind: 'error' as const, value })),
  fc.constant(null),
);

const letters = (column: number): string => (column < 26 ? String.fromCharCode(65 + column) : letters(Math.floor(column / 26) - 1) + letters(column % 26));
export const ref = (row: number, column: number) => `${letters(column)}${row + 1}`;

/** A header as users spell it: any case, spaces, a trailing `*` (DESIGN §3). */
const spelling = (header: string) => fc.constantFrom(header, header.toUpperCase(), header.toLowerCase(), `${header}*`, ` ${header} `, header.replace(/ /g, ''));

interface Layout {
  /** 0-based sheet row and column of the header's first cell. */
  top: number;
  left: number;
  /** Header texts in sheet order; '' is a blank header cell, other unknown texts are kept and ignored. */
  headers: string[];
  rows: Cell[][];
  title: boolean;
}

const layout = (headers: fc.Arbitrary<string[]>): fc.Arbitrary<Layout> =>
  fc.record({
    top: fc.integer({ min: 0, max: 6 }),
    left: fc.integer({ min: 0, max: 3 }),
    headers,
    rows: fc.array(fc.array(anyCell, { minLength: 13, maxLength: 13 }), { maxLength: 8 }),
    title: fc.boolean(),
  });

/** All eleven template headers (some spelled differently), shuffled, with up to two unknown columns among them. */
const completeHeaders: fc.Arbitrary<string[]> = fc
  .tuple(fc.tuple(...HEADERS.map(spelling)), fc.array(fc.constantFrom('Notes', 'Partner', ''), { maxLength: 2 }))
  .chain(([known, extra]) => fc.shuffledSubarray([...known, ...extra], { minLength: known.length + extra.length }));

/** A template missing one or more required columns (an old copy, a half-made sheet). */
const incompleteHeaders: fc.Arbitrary<string[]> = fc.shuffledSubarray(HEADERS.slice(0, 10), { minLength: 2, maxLength: 8 });

function sheetOf(name: string, { top, left, headers, rows, title }: Layout, hidden: boolean): SheetSpec {
  const cells: CellSpec[] = [];
  // A title above the header (never a header-like row itself).
  if (title && top > 0) cells.push({ ref: ref(0, left), kind: 'string', value: `${name} clients` });
  headers.forEach((value, i) => {
    if (value !== '') cells.push({ ref: ref(top, left + i), kind: 'string', value });
  });
  rows.forEach((line, r) =>
    line.slice(0, headers.length).forEach((c, i) => {
      if (c !== null && !(c.kind === 'string' && c.value === '')) cells.push({ ...c, ref: ref(top + 1 + r, left + i) } as CellSpec);
    }),
  );
  return { name, cells, hidden };
}

const notes: fc.Arbitrary<SheetSpec> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 5 }), text), { maxLength: 6 })
  .map((cells) => ({ name: 'Notes', cells: cells.filter(([, , v]) => v !== '').map(([r, c, value]) => ({ ref: ref(r, c), kind: 'string' as const, value })) }));

/**
 * A workbook with a client template on a sheet "Clients" (now and then missing required columns),
 * possibly among other sheets: an older
 * template (hidden or visible, complete or not), a sheet of notes; any sheet may be the active one.
 */
export const randomTemplateWorkbook: fc.Arbitrary<WorkbookSpec> = fc
  .record({
    template: layout(fc.oneof({ weight: 5, arbitrary: completeHeaders }, { weight: 1, arbitrary: incompleteHeaders })),
    older: fc.option(fc.record({ layout: layout(fc.oneof(completeHeaders, incompleteHeaders)), hidden: fc.boolean(), before: fc.boolean() }), {
      nil: undefined,
    }),
    notes: fc.option(notes, { nil: undefined }),
    active: fc.nat(),
  })
  .map(({ template, older, notes: notesSheet, active }) => {
    const sheets: SheetSpec[] = [sheetOf('Clients', template, false)];
    if (older !== undefined) {
      const old = sheetOf('Old template', older.layout, older.hidden);
      if (older.before) sheets.unshift(old);
      else sheets.push(old);
    }
    if (notesSheet !== undefined) sheets.push(notesSheet);
    return { sheets, active: active % sheets.length };
  });
