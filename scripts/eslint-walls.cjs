// An ESLint plugin with one rule, `import-walls`: scripts/check-walls.js's walls applied to each file ESLint
// lints (the editor's text included), so the editor flags a breach in its file. The walls stay defined once.
const path = require('node:path');
const { breaches, isWalled } = require('./check-walls.js');

const ROOT = path.resolve(__dirname, '..');

module.exports = {
  meta: { name: 'walls' },
  rules: {
    'import-walls': {
      meta: { type: 'problem', docs: { description: 'Imports point one way between layers (scripts/check-walls.js).' }, schema: [] },
      create(context) {
        return {
          Program(node) {
            if (!isWalled(path.basename(context.filename))) return;
            for (const breach of breaches(ROOT, context.filename, context.sourceCode.text)) context.report({ node, message: breach });
          },
        };
      },
    },
  },
};
