// `npm run validate`: Microsoft's online manifest validator (office-addin-manifest's validate, as the
// Office add-in templates run it), then our offline check. Offline, it says so and the offline check decides.
// Usage: tsx scripts/validate-manifest.ts [manifest.xml]
import { join, resolve } from 'node:path';
import { validateManifest, type ManifestValidation, type ManifestValidationIssue } from 'office-addin-manifest';
import { reportManifestCheck, ROOT } from './check-manifest';

/** node-fetch has no timeout of its own; a firewall that drops packets would otherwise hang here. */
const ONLINE_TIMEOUT_MS = 30_000;
const UNREACHABLE = /Unable to contact the manifest validation service/;

/** The plain sentence for a validator call that never got an answer, or null for any other error. */
export function unreachableSentence(error: Error): string | null {
  if (!UNREACHABLE.test(error.message) && !/timed out/.test(error.message)) return null;
  const reason = /reason: (.*)$/m.exec(error.message)?.[1] ?? error.message.split('\n').pop();
  return `Microsoft's online manifest validator could not be reached (${reason}); this machine looks offline, so only the offline checks below decide.`;
}

const line = (kind: string) => (issue: ManifestValidationIssue) =>
  `  ${kind}: ${[issue.title, issue.content].filter(Boolean).join(': ')}${issue.line ? ` (line ${issue.line})` : ''}`;

/** Prints Microsoft's verdict; resolves to false only when the validator answered that the manifest is invalid. */
async function askMicrosoft(path: string): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the request timed out after ${ONLINE_TIMEOUT_MS / 1000} s`)), ONLINE_TIMEOUT_MS);
  });
  try {
    const validation: ManifestValidation = await Promise.race([validateManifest(path), timeout]);
    if (validation.status && validation.status !== 200) {
      process.stdout.write(
        `Microsoft's online validator answered HTTP ${validation.status} ${validation.statusText ?? ''}; no verdict, so only the offline checks count.\n`,
      );
      return true;
    }
    const report = validation.report;
    const lines = [...(report?.errors ?? []).map(line('error')), ...(report?.warnings ?? []).map(line('warning')), ...(report?.notes ?? []).map(line('note'))];
    process.stdout.write(
      `Microsoft's online validator: the manifest is ${validation.isValid ? 'valid' : 'NOT valid'}.\n${lines.map((l) => `${l}\n`).join('')}`,
    );
    return validation.isValid;
  } catch (error) {
    const sentence = unreachableSentence(error as Error);
    if (sentence === null) throw error;
    process.stdout.write(`${sentence}\n`);
    return true;
  } finally {
    clearTimeout(timer);
  }
}

if (require.main === module) {
  const path = resolve(process.argv[2] ?? join(ROOT, 'manifest.xml'));
  void (async () => {
    const online = await askMicrosoft(path);
    const offline = await reportManifestCheck(path);
    process.exit(online && offline ? 0 : 1);
  })();
}
