// A realistic client template for the end-to-end bench, seeded straight into the Excel host:
// a title row above the header, standard and offline rows, ~5% invalid rows, leading-zero and
// numeric IDs, repeated IDs, and rows naming clients already Connected in the portal.
import type { SeedCell } from '../../test/excel-host';

export const BENCH_FIRM = {
  name: 'Bench & Partners',
  offlineClientsEnabled: true,
  owners: ['owner@bench.test', 'partner@bench.test'],
  offices: ['Main', 'North Branch'],
  users: ['owner@bench.test', 'partner@bench.test', 'clerk@bench.test'],
};

const HEADERS = [
  'Tax Client ID*',
  'Taxpayer First Name*',
  'Taxpayer Last Name*',
  'Taxpayer Email',
  'Mobile',
  'Spouse First Name',
  'Spouse Last Name',
  'Spouse Email',
  'Owner Email*',
  'Office Location*',
  'Is Offline',
];

/** Sheet rows (1-based) above the first data row: a title, a blank row, the header. */
export const HEADER_ROW = 3;

export interface BenchSheet {
  cells: SeedCell[][];
  /** Tax Client IDs the portal must already hold as Connected before the import. */
  connectedIds: string[];
  /** Data rows that name a connected client and are otherwise valid (expect the exact §4 comment). */
  connectedRows: number;
  /** Rows made invalid on purpose (field or reference errors) and rows repeating an earlier ID. */
  invalidRows: number;
  duplicateRows: number;
}

const FIRST = ['Ann', 'José', 'Zoë', 'Li', 'Mohammed', 'Olga', "O'Brien", 'Nguyễn', 'Priya', 'Sam'];
const LAST = ['Lee', 'García', 'Smith-Jones', 'Müller', 'Haddad', 'Ivanova', 'de la Cruz', 'Tanaka', 'Kowalski', 'Brown'];
const BAD: ((row: SeedCell[]) => void)[] = [
  (r) => {
    r[1] = '';
  }, // missing first name
  (r) => {
    r[3] = 'not-an-email';
  }, // bad email
  (r) => {
    r[9] = 'Atlantis';
  }, // unknown office
  (r) => {
    r[4] = '12-34';
  }, // too few digits
  (r) => {
    r[10] = 'Maybe';
  }, // not Yes/No
  (r) => {
    r[8] = 'stranger@elsewhere.test';
  }, // unknown owner
];

function idCell(i: number): SeedCell {
  if (i % 29 === 0) return { value: `00${i}`, numberFormat: '@' }; // leading zeros kept by the text format
  if (i % 31 === 0) return 900000 + i; // typed as a number: read as its text
  return `TC-${String(i).padStart(7, '0')}`;
}

function rowCells(i: number): SeedCell[] {
  const married = i % 5 < 2;
  const offline = i % 10 < 3 ? 'Yes' : i % 10 < 8 ? 'No' : '';
  const mobile: SeedCell = i % 7 === 0 ? 5550100000 + (i % 100000) : `+1 (555) 01${String(i % 100000).padStart(5, '0')}`;
  return [
    idCell(i),
    FIRST[i % FIRST.length],
    `${LAST[(i >> 3) % LAST.length]}`,
    `client${i}@mail.test`,
    mobile,
    married ? FIRST[(i + 3) % FIRST.length] : '',
    married ? LAST[(i >> 3) % LAST.length] : '',
    married ? `spouse${i}@mail.test` : '',
    BENCH_FIRM.owners[i % 2],
    BENCH_FIRM.offices[(i >> 1) % 2],
    offline,
  ];
}

/** A template of `count` data rows × 11 columns. */
export function benchSheet(count: number): BenchSheet {
  const connectedEvery = 200;
  const connectedIds: string[] = [];
  let invalidRows = 0;
  let duplicateRows = 0;
  let connectedRows = 0;
  const data: SeedCell[][] = [];
  for (let i = 1; i <= count; i++) {
    const cells = rowCells(i);
    if (i % 20 === 7) {
      BAD[((i / 20) | 0) % BAD.length](cells);
      invalidRows++;
    } else if (i % 97 === 0 && i > 10) {
      cells[0] = data[i - 11][0]; // the ID of the row ten above: rejected as a repeat in the file
      duplicateRows++;
    } else if (i % connectedEvery === 13) {
      const id = `CONN-${i}`;
      cells[0] = id;
      connectedIds.push(id);
      connectedRows++;
    }
    data.push(cells);
  }
  return { cells: [['Client list for import — Bench & Partners'], [], HEADERS, ...data], connectedIds, connectedRows, invalidRows, duplicateRows };
}
