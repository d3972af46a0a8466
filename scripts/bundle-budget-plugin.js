// Prints the task pane's initial JavaScript gzipped (DESIGN §8: under 350 KB) and every lazy chunk,
// and fails the build when the initial JavaScript is over budget.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

class BundleBudgetPlugin {
  constructor({ entry, maxInitialGzipBytes }) {
    this.entry = entry;
    this.max = maxInitialGzipBytes;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap('BundleBudgetPlugin', (compilation) => {
      // After emit webpack keeps only sizes in memory, so the emitted files are read back.
      const gz = (file) => gzipSync(readFileSync(join(compilation.outputOptions.path, file))).length;
      const entrypoint = compilation.entrypoints.get(this.entry);
      if (!entrypoint) return;
      const initial = entrypoint.getFiles().filter((f) => f.endsWith('.js'));
      const initialGz = initial.reduce((sum, f) => sum + gz(f), 0);
      const initialSet = new Set(initial);
      const lazy = [];
      for (const chunk of compilation.chunks) {
        if (chunk.canBeInitial()) continue;
        for (const file of chunk.files) if (file.endsWith('.js') && !initialSet.has(file)) lazy.push(file);
      }
      const lines = [`Initial JavaScript of "${this.entry}": ${kb(initialGz)} gzipped (budget ${kb(this.max)}) in ${initial.join(', ')}`];
      for (const file of lazy) lines.push(`  lazy chunk ${file}: ${kb(gz(file))} gzipped`);
      process.stdout.write(`${lines.join('\n')}\n`);
      if (initialGz > this.max) {
        const { WebpackError } = compiler.webpack;
        compilation.errors.push(new WebpackError(`Initial JavaScript ${kb(initialGz)} gzipped is over the ${kb(this.max)} budget.`));
      }
    });
  }
}

module.exports = { BundleBudgetPlugin };
