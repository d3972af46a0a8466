// Checks manifest.xml offline: the Office XML schema (xmllint, schemas/office) and our own rules.
// Usage: tsx scripts/check-manifest.ts [manifest.xml]; exits 1 and lists the problems when any check fails.
import { join, resolve } from 'node:path';
import { OfficeAddinManifest } from 'office-addin-manifest';
// The parser readManifestFile itself uses; its summary lacks VersionOverrides (ribbon, resources, runtimes).
import { ManifestHandlerXml } from 'office-addin-manifest/lib/manifestHandler/manifestHandlerXml';
import { COMMANDS } from '../src/commands/registry';
import { checkManifestRules, type Manifest, type RuleOptions } from './manifest/manifest-rules';
import { checkSchema, type SchemaOptions } from './manifest/schema-check';

export { checkSchema };
export const ROOT = resolve(__dirname, '..');

/** Reads the manifest through office-addin-manifest. */
export async function readManifest(path: string): Promise<Manifest> {
  const info = await OfficeAddinManifest.readManifestFile(path);
  const xml = (await new ManifestHandlerXml(path).parseXmlAsync()) as { OfficeApp?: Manifest['officeApp'] };
  return { info, officeApp: xml.OfficeApp ?? {} };
}

/** The schema's problems, then our rules' problems; empty when the manifest passes. */
export async function checkManifest(path: string, options: Partial<RuleOptions> & SchemaOptions = {}): Promise<string[]> {
  const rules = { root: options.root ?? ROOT, commandIds: options.commandIds ?? COMMANDS.map((c) => c.id) };
  return [...checkSchema(path, options), ...checkManifestRules(await readManifest(path), rules)];
}

/** Runs the checks and prints the outcome; resolves to true when the manifest passes. */
export async function reportManifestCheck(path: string): Promise<boolean> {
  const problems = await checkManifest(path).catch((error: Error) => [error.message]);
  if (problems.length > 0) {
    process.stderr.write(`${path} has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return false;
  }
  process.stdout.write(`${path} passes the Office schema and our manifest checks.\n`);
  return true;
}

if (require.main === module) {
  void reportManifestCheck(resolve(process.argv[2] ?? join(ROOT, 'manifest.xml'))).then((ok) => process.exit(ok ? 0 : 1));
}
