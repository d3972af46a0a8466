import { attribute, decodeXml, XmlScanner, type XmlHandler } from './xml-scanner';
import { streamEntry, type InflateEngine, type ZipEntry } from './zip-entries';

/** The opened package: its bytes and directory. */
export interface XlsxPackage {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  engine: InflateEngine;
}

/** Streams one part through a handler; false when the package has no such part. */
export async function readPart(
  pkg: XlsxPackage,
  path: string,
  handler: XmlHandler,
  onProgress?: (done: number) => void,
  stop?: () => boolean,
): Promise<boolean> {
  const entry = pkg.entries.get(path.toLowerCase());
  if (entry === undefined) return false;
  const scanner = new XmlScanner(handler);
  let stopped = false;
  await streamEntry(
    pkg.bytes,
    entry,
    (piece) => {
      scanner.pushBytes(piece);
      stopped = stop?.() ?? false;
      return !stopped;
    },
    onProgress,
    pkg.engine,
  );
  if (!stopped) scanner.end();
  return true;
}

/** A handler that only listens to opening tags. */
export function onOpen(open: XmlHandler['open']): XmlHandler {
  return { open, close: () => undefined, text: () => undefined };
}

export interface Relationship {
  type: string;
  /** The target as a package path, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), by id. */
export async function readRelationships(pkg: XlsxPackage, partPath: string): Promise<Map<string, Relationship>> {
  const slash = partPath.lastIndexOf('/');
  const folder = partPath.slice(0, slash + 1);
  const found = new Map<string, Relationship>();
  await readPart(
    pkg,
    `${folder}_rels/${partPath.slice(slash + 1)}.rels`,
    onOpen((name, attrs) => {
      if (name !== 'Relationship' || /External/i.test(attribute(attrs, 'TargetMode') ?? '')) return;
      const target = decodeXml(attribute(attrs, 'Target') ?? '');
      found.set(attribute(attrs, 'Id') ?? '', { type: attribute(attrs, 'Type') ?? '', path: resolvePath(folder, target) });
    }),
  );
  return found;
}

function resolvePath(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** The first relationship whose type ends with `/kind` (`styles`, `sharedStrings`, `officeDocument`). */
export function relationshipOfKind(rels: Map<string, Relationship>, kind: string): Relationship | undefined {
  return [...rels.values()].find((r) => r.type.endsWith(`/${kind}`));
}

/** OOXML writes characters XML cannot hold as `_xHHHH_`; `_x005F_` escapes a literal underscore. */
export function decodeOoxmlText(raw: string): string {
  const text = decodeXml(raw);
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A copy of a string that holds no reference to the piece of XML it was cut from. V8 keeps a slice's
 * whole parent alive; without this, 600,000 shared strings kept every inflated piece of the part (the
 * bench's 100,000-row file: 86 MB instead of 20).
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1); // V8 copies strings shorter than 13 outright
}
