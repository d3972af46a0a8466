// Checks manifest.xml: the offline XML schema (xmllint, when ../shared/office-schemas exists) and our own rules.
// Usage: tsx scripts/check-manifest.ts [manifest.xml]; exits 1 and lists the problems when any check fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { COMMANDS } from '../src/commands/registry';

const ROOT = resolve(__dirname, '..');
const SCHEMA = resolve(ROOT, '..', 'shared', 'office-schemas', 'OfficeAppManifestV1_1.xsd');
/** Pages webpack.config.js builds. */
const PAGES = ['taskpane.html', 'commands.html'];

export interface CheckOptions {
  /** Folder the icon URLs' paths are resolved against (the repository root: /assets/x.png → assets/x.png). */
  root?: string;
  commandIds?: readonly string[];
}

const all = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1]);

/** Our own rules; returns one sentence per problem, empty when the manifest is fine. */
export function checkManifestText(xml: string, options: CheckOptions = {}): string[] {
  const root = options.root ?? ROOT;
  const commandIds = options.commandIds ?? COMMANDS.map((c) => c.id);
  const problems: string[] = [];
  const resources = xml.slice(xml.indexOf('<Resources>'));
  const defined = new Map<string, string>();
  for (const m of resources.matchAll(/<bt:(Image|Url|String)\s+id="([^"]+)"\s+DefaultValue="([^"]*)"/g)) {
    if (defined.has(m[2])) problems.push(`Resource id "${m[2]}" is defined twice.`);
    defined.set(m[2], m[3]);
    if (m[2].length > 32) problems.push(`Resource id "${m[2]}" is longer than 32 characters.`);
  }
  for (const resid of new Set(all(xml, /resid="([^"]+)"/g))) {
    if (!defined.has(resid)) problems.push(`resid "${resid}" is used but not defined in <Resources>.`);
  }
  const shortStrings = xml.match(/<bt:ShortStrings>([\s\S]*?)<\/bt:ShortStrings>/)?.[1] ?? '';
  for (const m of shortStrings.matchAll(/id="([^"]+)"\s+DefaultValue="([^"]*)"/g)) {
    if (m[2].length > 125) problems.push(`Short string "${m[1]}" is longer than 125 characters.`);
  }

  // Icons: each URL must name a PNG in assets/ of the size the manifest declares.
  const imageUrls = [...defined.entries()].filter(([id]) => resources.includes(`<bt:Image id="${id}"`));
  const topIcons = all(xml, /<(?:IconUrl|HighResolutionIconUrl)\s+DefaultValue="([^"]+)"/g);
  for (const url of [...imageUrls.map(([, u]) => u), ...topIcons]) {
    const file = join(root, new URL(url).pathname);
    if (!existsSync(file)) problems.push(`Icon ${url} has no file ${file}.`);
  }
  for (const m of xml.matchAll(/<bt:Image\s+size="(\d+)"\s+resid="([^"]+)"/g)) {
    const url = defined.get(m[2]);
    if (!url) continue;
    const file = join(root, new URL(url).pathname);
    if (existsSync(file) && pngWidth(file) !== Number(m[1])) problems.push(`Icon ${m[2]} is declared ${m[1]} px but ${file} is not.`);
  }

  // Function commands: each FunctionName registered in src/commands, and each registered command on the ribbon.
  const functionNames = all(xml, /<FunctionName>\s*([^<\s]+)\s*<\/FunctionName>/g);
  for (const name of functionNames) if (!commandIds.includes(name)) problems.push(`FunctionName "${name}" is not registered in src/commands/registry.ts.`);
  for (const id of commandIds) if (!functionNames.includes(id)) problems.push(`Command "${id}" is registered but no ribbon button calls it.`);

  // URLs: one https origin everywhere, listed in AppDomains; pages are ones we build.
  const urls = [...all(xml, /DefaultValue="(https?:\/\/[^"]+)"/g)];
  const origins = new Set(urls.map((u) => new URL(u).origin));
  if (origins.size !== 1) problems.push(`URLs use ${origins.size} origins (${[...origins].join(', ')}); use one.`);
  for (const origin of origins) {
    if (!origin.startsWith('https://')) problems.push(`${origin} is not https; Office loads add-ins over https only.`);
    if (!all(xml, /<AppDomain>([^<]+)<\/AppDomain>/g).includes(origin)) problems.push(`${origin} is not listed in <AppDomains>.`);
  }
  for (const url of urls.filter((u) => u.endsWith('.html'))) {
    const page = new URL(url).pathname.replace(/^\//, '');
    if (!PAGES.includes(page)) problems.push(`${url} is not a page the build produces (${PAGES.join(', ')}).`);
  }
  const source = xml.match(/<SourceLocation\s+DefaultValue="([^"]+)"/)?.[1];
  if (source !== defined.get('Taskpane.Url')) problems.push('DefaultSettings SourceLocation differs from the Taskpane.Url resource.');
  const runtime = xml.match(/<Runtime\s+resid="([^"]+)"\s+lifetime="long"/)?.[1];
  if (!runtime) problems.push('No long-lived shared <Runtime>; the ribbon could not show progress in the pane.');
  const functionFile = xml.match(/<FunctionFile\s+resid="([^"]+)"/)?.[1];
  if (runtime && functionFile !== runtime) problems.push('FunctionFile must use the shared runtime page.');
  return problems;
}

function pngWidth(file: string): number {
  const bytes = readFileSync(file);
  return bytes.length >= 24 && bytes.toString('ascii', 1, 4) === 'PNG' ? bytes.readUInt32BE(16) : -1;
}

/** xmllint against the offline Office schema; null when the schemas are not present. */
export function checkSchema(manifestPath: string, schema = SCHEMA): string[] | null {
  if (!existsSync(schema)) return null;
  ensureXmllint();
  const result = spawnSync('xmllint', ['--noout', '--schema', schema, manifestPath], { encoding: 'utf8', cwd: dirname(schema) });
  return result.status === 0 ? [] : [`Schema: ${(result.stderr || result.stdout).trim()}`];
}

function ensureXmllint(): void {
  if (spawnSync('xmllint', ['--version']).status === 0) return;
  process.stderr.write('xmllint is missing; installing libxml2-utils with apt-get…\n');
  const apt = spawnSync('bash', ['-c', 'apt-get install -y -q libxml2-utils || (apt-get update -q && apt-get install -y -q libxml2-utils)'], { stdio: 'inherit' });
  if (apt.status !== 0) throw new Error('xmllint is missing and could not be installed; install Debian package libxml2-utils.');
}

if (require.main === module) {
  const path = resolve(process.argv[2] ?? join(ROOT, 'manifest.xml'));
  const schema = checkSchema(path);
  const problems = [...(schema ?? []), ...checkManifestText(readFileSync(path, 'utf8'))];
  if (schema === null) process.stdout.write(`Schema check skipped: ${SCHEMA} not found.\n`);
  if (problems.length > 0) {
    process.stderr.write(`${path} has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`${path} passes the manifest checks${schema ? ' and the Office schema' : ''}.\n`);
}
