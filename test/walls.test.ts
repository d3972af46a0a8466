import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as ts from 'typescript';

const repo = path.resolve(__dirname, '..');
const checkWalls = (root: string) => spawnSync(process.execPath, [path.join(repo, 'scripts/check-walls.js'), '--root', root], { encoding: 'utf8' });

describe('import walls (STYLE.md)', () => {
  it('hold in this repository', () => {
    const result = checkWalls(repo);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fail when src/domain imports react or node:fs, or excel imports the server', () => {
    const result = checkWalls(path.join(repo, 'test/fixtures/walls/broken'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('src/domain/uses-react.ts: imports package "react"');
    expect(result.stderr).toContain('src/domain/uses-fs.ts: imports package "node:fs"');
    expect(result.stderr).toContain('src/excel/uses-server.ts: imports ../server/app (src/server)');
    // The pane may reach src/commands only for the ribbon→pane protocol (src/commands/pane-inbox.ts).
    expect(result.stderr).toContain('src/taskpane/uses-registry.ts: imports ../commands/registry (src/commands)');
  });

  it('pass a tree that keeps them', () => {
    expect(checkWalls(path.join(repo, 'test/fixtures/walls/sound')).status).toBe(0);
  });

  it('give src/domain no DOM and no Node types', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(repo, 'tsconfig.domain.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => undefined,
      },
    );
    const fixture = path.join(repo, 'test/fixtures/walls/domain-uses-dom.ts');
    const program = ts.createProgram([fixture], config!.options);
    const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringContaining("Cannot find name 'window'"), expect.stringContaining("Cannot find name 'process'")]),
    );
  });

  it('are flagged by ESLint in the file that breaks them, and not in tests', () => {
    const lint = (filename: string) =>
      spawnSync(process.execPath, [path.join(repo, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', filename], {
        cwd: repo,
        encoding: 'utf8',
        input: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      });
    const breach = lint('src/domain/reads-files.ts');
    expect(breach.status).toBe(1);
    expect(breach.stdout).toContain('src/domain/reads-files.ts: imports package "node:fs", which src/domain may not use  walls/import-walls');
    expect(lint('src/domain/reads-files.test.ts').status).toBe(0);
  });
});
