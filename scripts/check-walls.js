#!/usr/bin/env node
// The import walls of STYLE.md: each layer may import only the layers and packages listed here.
// Usage: node scripts/check-walls.js [--root DIR]   (exit 1 and one line per breach when a wall is broken)
const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');
const ts = require('typescript');

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const UI_PACKAGES = ['react', 'react-dom', '@fluentui/', 'exceljs', 'numfmt', 'fflate'];

/** layer folder → the layers it may import and a test for the packages it may import. */
const WALLS = {
  'src/domain': { layers: [], packages: () => false },
  'src/excel': { layers: ['src/domain'], packages: () => false },
  'src/api': { layers: ['src/domain'], packages: () => false },
  'src/commands': { layers: ['src/domain', 'src/excel', 'src/api'], packages: () => false },
  'src/taskpane': {
    layers: ['src/domain', 'src/excel', 'src/api'],
    // The ribbon→pane protocol lives in src/commands (STYLE.md: a protocol gets one home); the pane answers it.
    files: ['src/commands/pane-inbox.ts'],
    packages: (name) => UI_PACKAGES.some((p) => name === p || name.startsWith(p.endsWith('/') ? p : `${p}/`)),
  },
  'src/server': {
    layers: ['src/domain'],
    packages: (name) => NODE.has(name) || !/^(react|react-dom|@fluentui\/|@microsoft\/office-js)/.test(name),
  },
  // The Excel host: browser-safe but for load-library.ts, which evaluates Microsoft's library in Node; numfmt
  // renders number formats as Excel displays them.
  'test/excel-host': { layers: [], packages: (name) => name === 'numfmt' || name === 'node:fs' || name === 'node:path' },
};

function layerOf(relative) {
  return Object.keys(WALLS).find((layer) => relative === layer || relative.startsWith(`${layer}/`));
}

function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return isWalled(entry.name) ? [full] : [];
  });
}

/** Source files the walls guard: tests may reach test helpers and fakes; the walls guard what ships. */
function isWalled(fileName) {
  const isSource = /\.(ts|tsx|js|mjs|cjs)$/.test(fileName) && !/\.d\.ts$/.test(fileName);
  return isSource && !/\.test\.tsx?$/.test(fileName);
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** One sentence per import of `file` that crosses a wall; `text` is the file's source when not read from disk. */
function breaches(root, file, text = fs.readFileSync(file, 'utf8')) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  const wall = WALLS[layerOf(relative)];
  const own = layerOf(relative);
  if (wall === undefined) return [];
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.flatMap(({ fileName: specifier }) => {
    if (specifier.startsWith('.')) {
      const target = path
        .relative(root, path.resolve(path.dirname(file), specifier))
        .split(path.sep)
        .join('/');
      const targetLayer = layerOf(target);
      const allowedFile = (wall.files ?? []).some((f) => target === f || `${target}.ts` === f);
      const allowed = allowedFile || targetLayer === own || (targetLayer !== undefined && wall.layers.includes(targetLayer));
      return allowed ? [] : [`${relative}: imports ${specifier} (${targetLayer ?? target}); ${own} may import ${[own, ...wall.layers].join(', ')}`];
    }
    const name = NODE.has(specifier) ? specifier : packageName(specifier);
    return wall.packages(name) ? [] : [`${relative}: imports package "${specifier}", which ${own} may not use`];
  });
}

function main() {
  const rootFlag = process.argv.indexOf('--root');
  const root = path.resolve(rootFlag > 0 ? process.argv[rootFlag + 1] : path.join(__dirname, '..'));
  const files = Object.keys(WALLS).flatMap((layer) => sourceFiles(path.join(root, layer)));
  const found = files.flatMap((file) => breaches(root, file));
  if (found.length > 0) {
    console.error(`Import walls broken (STYLE.md, "Our layout and its walls"):\n${found.map((b) => `  ${b}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`Import walls hold: ${files.length} files checked.`);
}

// ESLint runs the same walls per file (scripts/eslint-walls.cjs), so the editor shows a breach too.
module.exports = { breaches, isWalled };
if (require.main === module) main();
