import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkManifestText, checkSchema } from '../../scripts/check-manifest';
import { COMMANDS } from './registry';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/manifest');
const check = (file: string) => [...(checkSchema(file) ?? []), ...checkManifestText(readFileSync(file, 'utf8'), { root: ROOT })];

describe('manifest.xml', () => {
  it('passes the schema (when the offline schemas are present) and our checks', () => {
    expect(check(join(ROOT, 'manifest.xml'))).toEqual([]);
  });

  it('calls exactly the registered ribbon commands', () => {
    const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    const names = [...xml.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1]).sort();
    expect(names).toEqual(COMMANDS.map((c) => c.id).sort());
  });
});

describe('broken manifests (test/fixtures/manifest/error.*.xml) fail the check', () => {
  const expected: Record<string, RegExp> = {
    'error.undefined-resid.xml': /resid "CheckTemplate.Title" is used but not defined/,
    'error.missing-icon.xml': /icon-81\.png has no file/,
    'error.unregistered-function.xml': /FunctionName "checkTemplates" is not registered/,
    'error.mixed-origin.xml': /URLs use 2 origins/,
    'error.schema-order.xml': checkSchema(join(ROOT, 'manifest.xml')) === null ? /./ : /^Schema: .*ProviderName/s,
  };
  const files = readdirSync(FIXTURES).filter((f) => f.startsWith('error.'));

  it('has a fixture for every expectation', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s is rejected with the reason', (file) => {
    const problems = check(join(FIXTURES, file));
    if (file === 'error.schema-order.xml' && checkSchema(join(FIXTURES, file)) === null) {
      // Without ../shared/office-schemas only our own checks run, and element order is the schema's business.
      expect(problems).toEqual([]);
    } else {
      expect(problems.join('\n')).toMatch(expected[file]);
    }
  });
});
