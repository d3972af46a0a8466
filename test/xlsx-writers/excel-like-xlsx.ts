import { strToU8, zipSync } from 'fflate';
import type { CellSpec, SheetSpec, WorkbookSpec } from './workbook-spec';

/** What only Excel (or a file mimicking its XML) holds, beyond the shared spec. */
export interface ExcelLikeOptions {
  /** Write the top-left value into every cell of a merged area too (some writers do; Excel shows them blank). */
  fillMergedCells?: boolean;
  /** Tag every element with a namespace prefix (`<x:c>`), as some .NET writers do. */
  prefix?: string;
  /** Give `column` of the active sheet a formatted, empty cell on every row down to `rows` (a whole formatted column). */
  formattedColumn?: { column: string; rows: number; format: string };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * An .xlsx built part by part as Excel writes it: shared strings, styles with custom number formats,
 * formulas with their cached results (`t="str"`, `t="b"`, `t="e"`), no recalculation flag.
 */
export function excelLikeXlsx(spec: WorkbookSpec, options: ExcelLikeOptions = {}): Uint8Array {
  const p = options.prefix ? `${options.prefix}:` : '';
  const xmlns = options.prefix ? `xmlns:${options.prefix}="${NS}"` : `xmlns="${NS}"`;
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const stringIndex = (s: string) => indexes.get(s) ?? (indexes.set(s, strings.length), strings.push(s) - 1);
  const formats: string[] = [];
  const style = (format?: string) => (format === undefined ? 0 : (formats.includes(format) ? formats.indexOf(format) : formats.push(format) - 1) + 1);
  const files: Record<string, Uint8Array> = {};
  spec.sheets.forEach((sheet, i) => {
    const own = i === spec.active ? options : { ...options, formattedColumn: undefined };
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet, spec, own, p, xmlns, stringIndex, style));
  });
  const sheets = spec.sheets
    .map((s, i) => `<${p}sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
    .join('');
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${xmlns} xmlns:r="${REL}">` +
      `<${p}workbookPr${spec.date1904 ? ' date1904="1"' : ''} defaultThemeVersion="166925"/>` +
      `<${p}bookViews><${p}workbookView xWindow="-120" yWindow="-120" activeTab="${spec.active}"/></${p}bookViews>` +
      `<${p}sheets>${sheets}</${p}sheets><${p}calcPr calcId="191029"/></${p}workbook>`,
  );
  const numFmts = formats.map((f, i) => `<${p}numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`).join('');
  const xfs = formats.map((_f, i) => `<${p}xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
  files['xl/styles.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}styleSheet ${xmlns}><${p}numFmts count="${formats.length}">${numFmts}</${p}numFmts>` +
      `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>` +
      `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
      `<${p}cellXfs count="${formats.length + 1}"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs}</${p}cellXfs></${p}styleSheet>`,
  );
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${xmlns} count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((s) => `<${p}si><${p}t xml:space="preserve">${escapeXml(s)}</${p}t></${p}si>`).join('') +
      `</${p}sst>`,
  );
  const sheetRels = spec.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  const n = spec.sheets.length;
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels.join('')}` +
      `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const overrides = spec.sheets.map(
    (_s, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  // A table is its own part, related from its sheet (ECMA-376 §18.5: table ref covers header, data and totals rows).
  spec.sheets.forEach((sheet, i) => {
    if (!sheet.table) return;
    const n = i + 1;
    const totals = sheet.table.totalsRow ? ' totalsRowCount="1"' : ' totalsRowShown="0"';
    files[`xl/tables/table${n}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}table ${xmlns} id="${n}" name="Table${n}" displayName="Table${n}" ref="${sheet.table.ref}"${totals}><${p}autoFilter ref="${sheet.table.ref}"/></${p}table>`,
    );
    files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT1" Type="${REL}/table" Target="../tables/table${n}.xml"/></Relationships>`,
    );
    overrides.push(`<Override PartName="/xl/tables/table${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
  });
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  // A million-row column is stored, not deflated: deflating it would cost the test more than reading it.
  return zipSync(files, { level: options.formattedColumn ? 0 : 6 });
}

function sheetXml(
  sheet: SheetSpec,
  spec: WorkbookSpec,
  options: ExcelLikeOptions,
  p: string,
  xmlns: string,
  stringIndex: (s: string) => number,
  style: (f?: string) => number,
): string {
  const byRow = new Map<number, CellSpec[]>();
  const add = (cell: CellSpec) => {
    const row = Number(/\d+$/.exec(cell.ref)![0]);
    byRow.set(row, [...(byRow.get(row) ?? []), cell]);
  };
  sheet.cells.forEach(add);
  if (options.fillMergedCells) {
    for (const area of sheet.merges ?? []) {
      const first = sheet.cells.find((c) => c.ref === area.split(':')[0]);
      if (first) coveredRefs(area).forEach((ref) => add({ ...first, ref }));
    }
  }
  const formatted = options.formattedColumn;
  const lastRow = Math.max(formatted?.rows ?? 0, ...byRow.keys());
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${xmlns} xmlns:r="${REL}"><${p}sheetData>`];
  const formattedStyle = formatted ? style(formatted.format) : 0;
  for (let r = 1; r <= lastRow; r += 1) {
    const cells = [...(byRow.get(r) ?? [])];
    const extra = formatted && !cells.some((c) => c.ref === `${formatted.column}${r}`) ? `<${p}c r="${formatted.column}${r}" s="${formattedStyle}"/>` : '';
    if (cells.length === 0 && extra === '') continue;
    cells.sort((a, b) => columnOf(a.ref) - columnOf(b.ref));
    out.push(`<${p}row r="${r}">${cells.map((c) => cellXml(c, spec, p, stringIndex, style)).join('')}${extra}</${p}row>`);
  }
  out.push(`</${p}sheetData>`);
  if (sheet.merges?.length)
    out.push(`<${p}mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join('')}</${p}mergeCells>`);
  if (sheet.list) {
    out.push(
      `<${p}dataValidations count="1"><${p}dataValidation type="list" allowBlank="1" sqref="${sheet.list.range.replace(':', ':')}"><${p}formula1>"${escapeXml(sheet.list.items.join(','))}"</${p}formula1></${p}dataValidation></${p}dataValidations>`,
    );
  }
  if (sheet.table) out.push(`<${p}tableParts count="1"><${p}tablePart r:id="rIdT1"/></${p}tableParts>`);
  out.push(`</${p}worksheet>`);
  return out.join('');
}

function cellXml(cell: CellSpec, spec: WorkbookSpec, p: string, stringIndex: (s: string) => number, style: (f?: string) => number): string {
  const s = style(cell.format);
  const head = (type: string) => `<${p}c r="${cell.ref}"${s ? ` s="${s}"` : ''}${type ? ` t="${type}"` : ''}>`;
  switch (cell.kind) {
    case 'number':
      return `${head('')}<${p}v>${cell.value}</${p}v></${p}c>`;
    case 'string':
      return `${head('s')}<${p}v>${stringIndex(cell.value)}</${p}v></${p}c>`;
    case 'bool':
      return `${head('b')}<${p}v>${cell.value ? 1 : 0}</${p}v></${p}c>`;
    case 'error':
      return `${head('e')}<${p}v>${escapeXml(cell.value)}</${p}v></${p}c>`;
    case 'date':
      return `${head('')}<${p}v>${serial(cell.value, spec.date1904 ?? false)}</${p}v></${p}c>`;
    case 'formula': {
      const f = `<${p}f>${escapeXml(cell.value)}</${p}f>`;
      const cached = cell.cached;
      if (cached === undefined) return `${head('')}${f}</${p}c>`;
      if (typeof cached === 'boolean') return `${head('b')}${f}<${p}v>${cached ? 1 : 0}</${p}v></${p}c>`;
      if (typeof cached === 'number') return `${head('')}${f}<${p}v>${cached}</${p}v></${p}c>`;
      return `${head(cached.startsWith('#') ? 'e' : 'str')}${f}<${p}v>${escapeXml(cached)}</${p}v></${p}c>`;
    }
  }
}

/** Excel serial of an ISO date: days since 1899-12-30 (1900 system) or since 1904-01-01. */
function serial(iso: string, date1904: boolean): number {
  const days = (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000;
  return date1904 ? days - 1462 : days;
}

function columnOf(ref: string): number {
  return [.../^[A-Z]+/.exec(ref)![0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function coveredRefs(area: string): string[] {
  const [from, to] = area.split(':');
  const [c1, c2] = [columnOf(from), columnOf(to)];
  const [r1, r2] = [Number(/\d+$/.exec(from)![0]), Number(/\d+$/.exec(to)![0])];
  const refs: string[] = [];
  for (let r = r1; r <= r2; r += 1) {
    for (let c = c1; c <= c2; c += 1) if (r !== r1 || c !== c1) refs.push(`${String.fromCharCode(64 + c)}${r}`);
  }
  return refs;
}
