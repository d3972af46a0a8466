// The offline XML schema check: xmllint against the Office manifest XSDs kept in schemas/office.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const SCHEMA = resolve(__dirname, '..', '..', 'schemas', 'office', 'OfficeAppManifestV1_1.xsd');

export interface SchemaOptions {
  schema?: string;
  /** The xmllint command (tests pass a missing one to see the check fail rather than skip). */
  xmllint?: string;
}

/** Problems xmllint finds against the Office schema; a missing schema or xmllint is a problem, never a skip. */
export function checkSchema(manifestPath: string, { schema = SCHEMA, xmllint = 'xmllint' }: SchemaOptions = {}): string[] {
  if (!existsSync(schema)) return [`Schema: ${schema} is missing; the Office manifest schemas belong in schemas/office.`];
  const result = spawnSync(xmllint, ['--noout', '--schema', schema, manifestPath], { encoding: 'utf8', cwd: dirname(schema) });
  if (result.error) {
    return [`Schema: xmllint could not run (${result.error.message}); install Debian package libxml2-utils (bash scripts/ensure-system-packages.sh).`];
  }
  return result.status === 0 ? [] : [`Schema: ${(result.stderr || result.stdout).trim()}`];
}
