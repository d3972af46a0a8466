// Our own rules for manifest.xml, beyond what the XML schema can say: resources, icons, commands, URLs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestInfo } from 'office-addin-manifest';
import { attribute, descendants, elements, text, type XmlElement } from './xml-tree';

/** Pages webpack.config.js builds. */
const PAGES = ['taskpane.html', 'commands.html', 'help.html'];

/** The manifest as office-addin-manifest reads it: its summary and the whole element tree. */
export interface Manifest {
  info: ManifestInfo;
  officeApp: XmlElement;
}

export interface RuleOptions {
  /** Folder the icon URLs' paths are resolved against (the repository root: /assets/x.png → assets/x.png). */
  root: string;
  commandIds: readonly string[];
}

/** One sentence per problem; empty when the manifest is fine. */
export function checkManifestRules({ info, officeApp }: Manifest, options: RuleOptions): string[] {
  const resources = descendants(officeApp, 'Resources')[0] ?? {};
  const { defined, images, problems } = resourceIds(resources);
  for (const resid of new Set([...elements(officeApp)].map(([, e]) => attribute(e, 'resid')))) {
    if (resid !== undefined && !defined.has(resid)) problems.push(`resid "${resid}" is used but not defined in <Resources>.`);
  }
  for (const short of descendants(resources, 'bt:ShortStrings').flatMap((s) => descendants(s, 'bt:String'))) {
    const value = attribute(short, 'DefaultValue') ?? '';
    if (value.length > 125) problems.push(`Short string "${attribute(short, 'id')}" is longer than 125 characters.`);
  }
  if (!info.hosts?.includes('Workbook')) problems.push('<Hosts> does not name Workbook; Excel would not offer the add-in.');
  return [
    ...problems,
    ...iconProblems(info, officeApp, defined, images, options),
    ...commandProblems(officeApp, options),
    ...urlProblems(info, officeApp, defined),
  ];
}

function resourceIds(resources: XmlElement) {
  const defined = new Map<string, string>();
  const images = new Set<string>();
  const problems: string[] = [];
  for (const [tag, element] of elements(resources)) {
    const id = attribute(element, 'id');
    if (id === undefined || !['bt:Image', 'bt:Url', 'bt:String'].includes(tag)) continue;
    if (defined.has(id)) problems.push(`Resource id "${id}" is defined twice.`);
    if (id.length > 32) problems.push(`Resource id "${id}" is longer than 32 characters.`);
    defined.set(id, attribute(element, 'DefaultValue') ?? '');
    if (tag === 'bt:Image') images.add(id);
  }
  return { defined, images, problems };
}

/** Each icon URL names a PNG in assets/ of the size the manifest declares. */
function iconProblems(info: ManifestInfo, officeApp: XmlElement, defined: Map<string, string>, images: Set<string>, { root }: RuleOptions): string[] {
  const problems: string[] = [];
  const fileOf = (url: string) => join(root, new URL(url).pathname);
  const urls = [...[...images].map((id) => defined.get(id) ?? ''), info.iconUrl, info.highResolutionIconUrl];
  for (const url of urls.filter((u): u is string => Boolean(u))) {
    if (!existsSync(fileOf(url))) problems.push(`Icon ${url} has no file ${fileOf(url)}.`);
  }
  for (const image of descendants(officeApp, 'bt:Image')) {
    const [size, url] = [attribute(image, 'size'), defined.get(attribute(image, 'resid') ?? '')];
    if (size === undefined || !url || !existsSync(fileOf(url))) continue;
    if (pngWidth(fileOf(url)) !== Number(size)) problems.push(`Icon ${attribute(image, 'resid')} is declared ${size} px but ${fileOf(url)} is not.`);
  }
  return problems;
}

function pngWidth(file: string): number {
  const bytes = readFileSync(file);
  return bytes.length >= 24 && bytes.toString('ascii', 1, 4) === 'PNG' ? bytes.readUInt32BE(16) : -1;
}

/** Each FunctionName is registered in src/commands, and each registered command has a ribbon button. */
function commandProblems(officeApp: XmlElement, { commandIds }: RuleOptions): string[] {
  const names = descendants(officeApp, 'FunctionName').map(text);
  return [
    ...names.filter((n) => !commandIds.includes(n)).map((n) => `FunctionName "${n}" is not registered in src/commands/registry.ts.`),
    ...commandIds.filter((id) => !names.includes(id)).map((id) => `Command "${id}" is registered but no ribbon button calls it.`),
  ];
}

/** One https origin everywhere, listed in AppDomains; pages are ones we build; support and learn-more at the help page; one shared runtime. */
function urlProblems(info: ManifestInfo, officeApp: XmlElement, defined: Map<string, string>): string[] {
  const problems: string[] = [];
  const urls = [...elements(officeApp)].map(([, e]) => attribute(e, 'DefaultValue') ?? '').filter((v) => /^https?:\/\//.test(v));
  const origins = new Set(urls.map((u) => new URL(u).origin));
  // Read from the tree: ManifestInfo.appDomains keeps only the first <AppDomain> of <AppDomains>.
  const appDomains = descendants(officeApp, 'AppDomain').map(text);
  if (origins.size !== 1) problems.push(`URLs use ${origins.size} origins (${[...origins].join(', ')}); use one.`);
  for (const origin of origins) {
    if (!origin.startsWith('https://')) problems.push(`${origin} is not https; Office loads add-ins over https only.`);
    if (!appDomains.includes(origin)) problems.push(`${origin} is not listed in <AppDomains>.`);
  }
  for (const url of urls.filter((u) => u.endsWith('.html'))) {
    if (!PAGES.includes(new URL(url).pathname.replace(/^\//, ''))) problems.push(`${url} is not a page the build produces (${PAGES.join(', ')}).`);
  }
  if (info.defaultSettings?.sourceLocation !== defined.get('Taskpane.Url'))
    problems.push('DefaultSettings SourceLocation differs from the Taskpane.Url resource.');
  // Office shows these as "Support" and "Learn more": a help page, not the task pane itself.
  const support = attribute(descendants(officeApp, 'SupportUrl')[0], 'DefaultValue');
  for (const [name, url] of [
    ['SupportUrl', support],
    ['GetStarted LearnMoreUrl', defined.get('GetStarted.LearnMoreUrl')],
  ] as const)
    if (url !== undefined && new URL(url).pathname !== '/help.html')
      problems.push(`${name} ${url} must point at the help page (help.html, from docs/help.html).`);
  const runtime = descendants(officeApp, 'Runtime').find((r) => attribute(r, 'lifetime') === 'long');
  if (!runtime) problems.push('No long-lived shared <Runtime>; the ribbon could not show progress in the pane.');
  const functionFile = attribute(descendants(officeApp, 'FunctionFile')[0], 'resid');
  if (runtime && functionFile !== attribute(runtime, 'resid')) problems.push('FunctionFile must use the shared runtime page.');
  return problems;
}
