import type { ClientRow } from './api-types';
import { COLUMN_BY_FIELD, TEMPLATE_COLUMNS, type FieldKey } from './columns';
import { DIGIT_FIELDS, hiddenDigitsIssue, mayHideDigits } from './displayed-text';
import { normalizeTaxClientId, taxClientIdProblem } from './tax-client-id';

export type Severity = 'error' | 'warning' | 'info';

export type IssueCode =
  | 'required'
  | 'too-long'
  | 'invalid-id'
  | 'invalid-email'
  | 'invalid-mobile'
  | 'same-as-taxpayer'
  | 'invalid-yes-no'
  | 'error-value'
  | 'control-character'
  | 'unknown-owner'
  | 'unknown-office'
  | 'offline-disabled'
  | 'duplicate-id'
  /** A saved file's formula whose result the file cannot vouch for (src/domain/displayed-text.ts). */
  | 'not-calculated'
  /** An ID or mobile Excel shows in scientific notation whose digits are lost (src/domain/displayed-text.ts). */
  | 'hidden-digits';

export interface Issue {
  row: number;
  /** The template header of the column, e.g. `Taxpayer Email`. */
  column: string;
  field: FieldKey | null;
  code: IssueCode;
  message: string;
  severity: Severity;
}

export interface FirmRules {
  offlineClientsEnabled: boolean;
  owners: readonly string[];
  offices: readonly string[];
  users?: readonly string[];
}

const MAX_NAME = 100;
const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:.]{2,}$/u;
const MOBILE_PUNCTUATION = /[\s\-.()[\]]/g;
const EXCEL_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const CONTROL = /[\u0000-\u001f\u007f]/;
// With the `u` flag the surrogate range matches only a half without its pair: a whole emoji passes. The portal refuses
// such text (it cannot be stored as it is), so it is a row issue here, before anything is sent.
const HALF_PAIR = /[\ud800-\udfff]/u;
const NAME_FIELDS: readonly FieldKey[] = ['firstName', 'lastName', 'spouseFirstName', 'spouseLastName'];

export function issue(row: number, field: FieldKey, code: IssueCode, message: string): Issue {
  return { row, column: COLUMN_BY_FIELD[field].header, field, code, message, severity: 'error' };
}

/** `isYesNo("yes")` → true; blank counts as No. */
export function isOfflineYes(value: string): boolean {
  return value.trim().toLowerCase() === 'yes';
}

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** Text as names and emails are compared: trimmed, lower case. */
const comparable = (text: string) => text.trim().toLowerCase();

export function sameText(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}

function valueIssue(row: ClientRow, field: FieldKey, value: string): Issue | null {
  if (value.charCodeAt(0) === 0x23 /* # */ && EXCEL_ERROR.test(value)) return issue(row.row, field, 'error-value', `shows the error ${value}`);
  if (CONTROL.test(value)) return issue(row.row, field, 'control-character', 'contains a control character');
  if (HALF_PAIR.test(value)) return issue(row.row, field, 'control-character', 'contains half of an emoji or symbol (a broken character): type it again');
  if (DIGIT_FIELDS.includes(field) && mayHideDigits(value)) return hiddenDigitsIssue(row.row, field, value);
  switch (field) {
    case 'taxClientId': {
      const problem = taxClientIdProblem(normalizeTaxClientId(value));
      return problem === null ? null : issue(row.row, field, 'invalid-id', problem);
    }
    case 'email':
    case 'spouseEmail':
      if (!isValidEmail(value)) return issue(row.row, field, 'invalid-email', 'is not a valid email address');
      return field === 'spouseEmail' && sameText(value, row.email ?? '')
        ? issue(row.row, field, 'same-as-taxpayer', "must differ from the taxpayer's email")
        : null;
    case 'mobile': {
      const digits = value.replace(MOBILE_PUNCTUATION, '').replace(/^\+/, '');
      return /^\d{10,15}$/.test(digits) ? null : issue(row.row, field, 'invalid-mobile', 'must have 10–15 digits');
    }
    case 'isOffline':
      return /^(yes|no)$/i.test(value) ? null : issue(row.row, field, 'invalid-yes-no', 'must be Yes or No');
    default:
      // Code points never outnumber UTF-16 units: only a long text needs counting.
      return NAME_FIELDS.includes(field) && value.length > MAX_NAME && [...value].length > MAX_NAME
        ? issue(row.row, field, 'too-long', `must be at most ${MAX_NAME} characters`)
        : null;
  }
}

/**
 * The §3 field rules for one row: every missing mandatory field and every bad value.
 * `checkFields({...row, firstName: ""})[0].code` → `"required"`
 */
export function checkFields(row: ClientRow): Issue[] {
  const issues: Issue[] = [];
  pushFieldIssues(row, issues);
  return issues;
}

/** checkFields, appending to `issues` (checkRows collects 100,000 rows' issues in one array). */
export function pushFieldIssues(row: ClientRow, issues: Issue[]): void {
  for (const { field, required } of TEMPLATE_COLUMNS) {
    const value = (row[field] ?? '').trim();
    if (value === '') {
      if (required) issues.push(issue(row.row, field, 'required', 'is required'));
      continue;
    }
    const problem = valueIssue(row, field, value);
    if (problem !== null) issues.push(problem);
  }
}

/**
 * §4 step 2: owner, office and the offline setting against the firm's settings.
 * `checkReferences(row, { offlineClientsEnabled: false, owners, offices })` flags `Is Offline = Yes`.
 */
export function checkReferences(row: ClientRow, firm: FirmRules): Issue[] {
  const issues: Issue[] = [];
  pushReferenceIssues(row, firmLookup(firm), issues);
  return issues;
}

/** A firm's owners and offices as sameText compares them (trimmed, lower case): built once for many rows. */
export interface FirmLookup {
  offlineClientsEnabled: boolean;
  owners: ReadonlySet<string>;
  offices: ReadonlySet<string>;
}

export function firmLookup(firm: FirmRules): FirmLookup {
  return { offlineClientsEnabled: firm.offlineClientsEnabled, owners: new Set(firm.owners.map(comparable)), offices: new Set(firm.offices.map(comparable)) };
}

/** checkReferences with the firm looked up once, appending to `issues`. */
export function pushReferenceIssues(row: ClientRow, firm: FirmLookup, issues: Issue[]): void {
  if (!firm.owners.has(comparable(row.ownerEmail))) {
    issues.push(issue(row.row, 'ownerEmail', 'unknown-owner', 'is not a firm user who may own clients'));
  }
  if (!firm.offices.has(comparable(row.officeLocation))) {
    issues.push(issue(row.row, 'officeLocation', 'unknown-office', "is not one of the firm's offices"));
  }
  if (isOfflineYes(row.isOffline) && !firm.offlineClientsEnabled) {
    issues.push(issue(row.row, 'isOffline', 'offline-disabled', 'is Yes but offline clients are not enabled for this firm'));
  }
}

/**
 * One comment naming every problem of a row, missing fields first.
 * `rowComment(issues)` → `"Missing mandatory fields: Taxpayer First Name, Owner Email; Taxpayer Email is not a valid email address"`
 */
export function rowComment(issues: readonly Issue[]): string {
  const missing = issues.filter((i) => i.code === 'required').map((i) => i.column);
  const others = issues.filter((i) => i.code !== 'required').map((i) => (i.field ? `${i.column} ${i.message}` : i.message));
  const parts = missing.length > 0 ? [`Missing mandatory fields: ${missing.join(', ')}`, ...others] : others;
  return parts.join('; ');
}
