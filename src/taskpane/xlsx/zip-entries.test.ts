import { strToU8, zipSync } from 'fflate';
import { excelLikeXlsx } from '../../../test/xlsx-writers/excel-like-xlsx';
import { templateWorkbook } from '../../../test/xlsx-writers/template-cases';
import { readTemplateXlsx } from './template-reader';
import { NotAZipError, preferredEngine, streamEntry, zipEntries, type InflateEngine } from './zip-entries';

const text = 'x'.repeat(300_000) + 'end';
const zip = zipSync({ 'a/Deflated.xml': strToU8(text), 'stored.xml': [strToU8('plain'), { level: 0 }] });

async function inflated(engine: InflateEngine, name: string, stopAfter = Infinity): Promise<{ text: string; pieces: number; progress: number[] }> {
  const pieces: Uint8Array[] = [];
  const progress: number[] = [];
  await streamEntry(
    zip,
    zipEntries(zip).get(name)!,
    (piece) => pieces.push(piece) < stopAfter,
    (p) => progress.push(p),
    engine,
  );
  return { text: new TextDecoder().decode(Buffer.concat(pieces)), pieces: pieces.length, progress };
}

describe('zip entries', () => {
  it('lists entries by lower-cased name with their sizes', () => {
    const entry = zipEntries(zip).get('a/deflated.xml')!;
    expect([entry.name, entry.method, entry.size]).toEqual(['a/Deflated.xml', 8, text.length]);
  });

  it('uses the platform inflater where there is one (Node 20 has DecompressionStream)', () => {
    expect(preferredEngine()).toBe('native');
  });

  it.each<InflateEngine>(['native', 'fflate'])('inflates deflated and stored entries with %s, progress ending at 1', async (engine) => {
    const deflated = await inflated(engine, 'a/deflated.xml');
    expect(deflated.text).toBe(text);
    expect(deflated.progress.at(-1)).toBe(1);
    expect((await inflated(engine, 'stored.xml')).text).toBe('plain');
  });

  it.each<InflateEngine>(['native', 'fflate'])('reads the same template with %s', async (engine) => {
    const bytes = excelLikeXlsx(templateWorkbook('excel'));
    expect(await readTemplateXlsx(bytes, { engine })).toEqual(await readTemplateXlsx(bytes, { engine: 'native' }));
  });

  it('stops inflating when the reader has what it needs', async () => {
    const whole = await inflated('native', 'a/deflated.xml');
    const first = await inflated('native', 'a/deflated.xml', 1);
    expect(first.pieces).toBe(1);
    expect(whole.pieces).toBeGreaterThan(1);
  });

  it('says a file without a zip directory is not a zip', () => {
    expect(() => zipEntries(strToU8('Tax Client ID,Name\n1,Ann'))).toThrow(NotAZipError);
  });
});
