import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkManifest, checkSchema, readManifest, ROOT } from '../../scripts/check-manifest';
import { descendants, text } from '../../scripts/manifest/xml-tree';
import { unreachableSentence } from '../../scripts/validate-manifest';
import { COMMANDS } from './registry';

const MANIFEST = join(ROOT, 'manifest.xml');
const FIXTURES = join(ROOT, 'test/fixtures/manifest');

describe('manifest.xml', () => {
  it('passes the Office schema kept in schemas/office and our checks', async () => {
    expect(await checkManifest(MANIFEST)).toEqual([]);
  });

  it('is read through office-addin-manifest', async () => {
    const { info, officeApp } = await readManifest(MANIFEST);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(descendants(officeApp, 'FunctionName').map(text).sort()).toEqual(COMMANDS.map((c) => c.id).sort());
  });
});

describe('the schema check fails rather than skips', () => {
  it('when the schema files are missing', () => {
    expect(checkSchema(MANIFEST, { schema: join(ROOT, 'no-such-folder/OfficeAppManifestV1_1.xsd') })).toEqual([
      expect.stringMatching(/no-such-folder\/OfficeAppManifestV1_1\.xsd is missing/),
    ]);
  });

  it('when xmllint is not installed', () => {
    expect(checkSchema(MANIFEST, { xmllint: 'xmllint-not-installed' })).toEqual([expect.stringMatching(/xmllint could not run .*libxml2-utils/)]);
  });
});

describe('broken manifests (test/fixtures/manifest/error.*.xml) fail the check', () => {
  const expected: Record<string, RegExp> = {
    'error.undefined-resid.xml': /resid "CheckTemplate.Title" is used but not defined/,
    'error.missing-icon.xml': /icon-81\.png has no file/,
    'error.unregistered-function.xml': /FunctionName "checkTemplates" is not registered/,
    'error.mixed-origin.xml': /URLs use 2 origins/,
    'error.schema-order.xml': /^Schema: .*ProviderName/s,
    'error.support-url-pane.xml': /SupportUrl https:\/\/localhost:3000\/taskpane\.html must point at the help page/,
  };
  const files = readdirSync(FIXTURES).filter((f) => f.startsWith('error.'));

  it('has a fixture for every expectation', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s is rejected with the reason', async (file) => {
    expect((await checkManifest(join(FIXTURES, file))).join('\n')).toMatch(expected[file]);
  });
});

describe('npm run validate offline', () => {
  it('explains an unreachable online validator in one sentence', () => {
    const error = new Error(
      'Unable to contact the manifest validation service.\nFetchError: request to https://validationgateway.omex.office.net/package/api/check?clientId=devx failed, reason: getaddrinfo ENOTFOUND validationgateway.omex.office.net',
    );
    expect(unreachableSentence(error)).toBe(
      "Microsoft's online manifest validator could not be reached (getaddrinfo ENOTFOUND validationgateway.omex.office.net); this machine looks offline, so only the offline checks below decide.",
    );
  });

  it('passes other errors on', () => {
    expect(unreachableSentence(new Error('Unable to parse the manifest file: x.xml'))).toBeNull();
  });
});
