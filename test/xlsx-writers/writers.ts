import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WorkbookSpec } from './workbook-spec';

/**
 * Spreadsheet writers other than our own code, from Debian packages that
 * scripts/ensure-system-packages.sh installs: python3-openpyxl, python3-xlsxwriter and
 * libexcel-writer-xlsx-perl. Debian's python3 is used explicitly (another python3 on PATH may lack them).
 */
export const WRITERS = {
  openpyxl: ['/usr/bin/python3', path.join(__dirname, 'write-openpyxl.py')],
  xlsxwriter: ['/usr/bin/python3', path.join(__dirname, 'write-xlsxwriter.py')],
  'Excel::Writer::XLSX': ['/usr/bin/perl', path.join(__dirname, 'write-excel-writer-xlsx.pl')],
} as const;

export type WriterName = keyof typeof WRITERS;

/** The .xlsx bytes that `writer` makes of `spec`. */
export function writeWith(writer: WriterName, spec: WorkbookSpec): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-writer-'));
  try {
    const [program, script] = WRITERS[writer];
    writeFileSync(path.join(dir, 'spec.json'), JSON.stringify(spec));
    execFileSync(program, [script, path.join(dir, 'spec.json'), path.join(dir, 'out.xlsx')], { stdio: ['ignore', 'ignore', 'pipe'] });
    return new Uint8Array(readFileSync(path.join(dir, 'out.xlsx')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
