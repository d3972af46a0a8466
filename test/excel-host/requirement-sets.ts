import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `Class.member` → the ExcelApi version @types/office-js gives it (`[Api set: ExcelApi 1.8]` in the
 * member's doc comment, else its class's), read from the Excel namespace of index.d.ts. Overloads keep the first.
 */
export function excelApiVersions(): Map<string, string> {
  const text = readFileSync(join(process.cwd(), 'node_modules/@types/office-js/index.d.ts'), 'utf8');
  const start = text.indexOf('declare namespace Excel {');
  const end = text.indexOf('\ndeclare namespace ', start + 1);
  const versions = new Map<string, string>();
  const classVersion = new Map<string, string>();
  let owner = '';
  let pending: string | null = null;
  for (const line of text.slice(start, end).split('\n')) {
    const cls = /^ {4}(?:export )?(?:class|interface) (\w+)/.exec(line);
    if (cls) {
      owner = cls[1];
      if (pending) classVersion.set(owner, pending);
      pending = null;
      continue;
    }
    const set = /\[Api set: ExcelApi (\d+\.\d+)/.exec(line);
    if (set) {
      pending = set[1];
      continue;
    }
    const member = /^ {8}(?:readonly )?(\w+)\??\s*[(:<]/.exec(line);
    if (member && owner) {
      const key = `${owner}.${member[1]}`;
      // A member without its own [Api set] (a collection's `items`) comes with its class.
      const version = pending ?? classVersion.get(owner);
      if (version && !versions.has(key)) versions.set(key, version);
      pending = null;
    }
  }
  return versions;
}

export const newerThan = (version: string, base: string) => {
  const [a, b] = version.split('.').map(Number),
    [c, d] = base.split('.').map(Number);
  return a > c || (a === c && b > d);
};
