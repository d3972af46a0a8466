import { getFormatFromId } from 'numfmt';
import { decodeOoxmlText, onOpen, ownString, readPart, readRelationships, relationshipOfKind, type XlsxPackage } from './package-parts';
import { attribute, decodeXml, type XmlHandler } from './xml-scanner';

export interface SheetEntry {
  name: string;
  visible: boolean;
  /** Package path of the sheet's XML; undefined for chart sheets and dialogs. */
  path: string | undefined;
}

/** What the import needs of a workbook before reading any sheet. */
export interface WorkbookInfo {
  sheets: SheetEntry[];
  /** Index into `sheets` of the tab that was active when the file was saved. */
  activeIndex: number;
  date1904: boolean;
  /** The writer asked Excel to recalculate every formula on open: saved results may be stale. */
  recalculateOnOpen: boolean;
  /** Number format of each cell style (`cellXfs` index). */
  styleFormats: string[];
  sharedStrings: string[];
}

export class NotAWorkbookError extends Error {
  override readonly name = 'NotAWorkbookError';
}

/** Reads the workbook's sheet list, calculation flags, the styles' number formats and the shared strings. */
export async function readWorkbookInfo(pkg: XlsxPackage): Promise<WorkbookInfo> {
  const root = await readRelationships(pkg, '');
  const bookPath = relationshipOfKind(root, 'officeDocument')?.path ?? 'xl/workbook.xml';
  const rels = await readRelationships(pkg, bookPath);
  const info: WorkbookInfo = { sheets: [], activeIndex: 0, date1904: false, recalculateOnOpen: false, styleFormats: [], sharedStrings: [] };
  const found = await readPart(
    pkg,
    bookPath,
    onOpen((name, attrs) => {
      if (name === 'sheet') {
        const state = attribute(attrs, 'state') ?? 'visible';
        const rel = rels.get(attribute(attrs, 'id') ?? '');
        const path = rel !== undefined && rel.type.endsWith('/worksheet') ? rel.path : undefined;
        info.sheets.push({ name: decodeXml(attribute(attrs, 'name') ?? ''), visible: state === 'visible', path });
      } else if (name === 'workbookView') {
        info.activeIndex = Number(attribute(attrs, 'activeTab') ?? 0) || 0;
      } else if (name === 'workbookPr') {
        info.date1904 = isTrue(attribute(attrs, 'date1904'));
      } else if (name === 'calcPr') {
        info.recalculateOnOpen = isTrue(attribute(attrs, 'fullCalcOnLoad'));
      }
    }),
  );
  if (!found) throw new NotAWorkbookError('no workbook part');
  const styles = relationshipOfKind(rels, 'styles');
  if (styles !== undefined) info.styleFormats = await readStyleFormats(pkg, styles.path);
  const strings = relationshipOfKind(rels, 'sharedStrings');
  if (strings !== undefined) info.sharedStrings = await readSharedStrings(pkg, strings.path);
  return info;
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** `numFmts` (custom formats by id) and `cellXfs` (each style's format id), resolved to format codes. */
async function readStyleFormats(pkg: XlsxPackage, path: string): Promise<string[]> {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  await readPart(pkg, path, {
    open(name, attrs, selfClosing) {
      if (name === 'numFmt') custom.set(Number(attribute(attrs, 'numFmtId')), decodeXml(attribute(attrs, 'formatCode') ?? 'General'));
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) ids.push(Number(attribute(attrs, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text: () => undefined,
  });
  return ids.map((id) => custom.get(id) ?? builtInFormat(id));
}

/** Excel's built-in formats as an en-US Excel shows them; an unknown id shows as General. */
function builtInFormat(id: number): string {
  return (Number.isInteger(id) && getFormatFromId(id)) || 'General';
}

/** Each `<si>`: its plain `<t>` or its rich runs' `<t>`s joined; phonetic guides (`<rPh>`) left out. */
async function readSharedStrings(pkg: XlsxPackage, path: string): Promise<string[]> {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const handler: XmlHandler = {
    open(name, _attrs, selfClosing) {
      if (name === 'si') current = selfClosing ? (strings.push(''), null) : '';
      else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (name === 't') inText = !selfClosing && phonetic === 0;
    },
    close(name) {
      if (name === 'si' && current !== null) {
        strings.push(ownString(decodeOoxmlText(current)));
        current = null;
      } else if (name === 'rPh') phonetic -= 1;
      else if (name === 't') inText = false;
    },
    text(raw, cdata) {
      if (inText && current !== null) current += cdata ? raw.replace(/&/g, '&amp;').replace(/</g, '&lt;') : raw;
    },
  };
  await readPart(pkg, path, handler);
  return strings;
}
