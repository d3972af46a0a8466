// Builds the add-in: taskpane.html (pane + ribbon commands, one shared runtime) and commands.html.
// `--env harness` builds the browser e2e harness instead: the pane on Microsoft's excel-web library (copied from
// node_modules), whose requests the in-memory Excel host of test/excel-host answers.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { BundleBudgetPlugin } = require('./scripts/bundle-budget-plugin');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const HARNESS_EXCEL_JS = 'excel-web-16.00.js';

module.exports = (env = {}, argv = {}) => {
  const harness = Boolean(env.harness);
  const production = argv.mode === 'production' || (!argv.mode && !env.development);
  const page = (filename, chunks, title) =>
    new HtmlWebpackPlugin({
      filename,
      template: './src/taskpane/taskpane.html',
      chunks,
      // The ribbon's bundle first and not deferred: on a cold shared runtime Office may call a function
      // as soon as the page loads, and one not yet associated loses the click. End of body, so #root exists.
      chunksSortMode: 'manual',
      scriptLoading: 'blocking',
      inject: 'body',
      title,
      templateParameters: { officeJs: harness ? HARNESS_EXCEL_JS : OFFICE_JS, title },
    });

  return {
    mode: production ? 'production' : 'development',
    // Never eval-based: the server's CSP (no 'unsafe-eval') applies to development builds too.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    // sign-in: the sign-in dialog page (the identity provider's redirect URI); in the harness, after a stand-in for
    // office.js's dialog side (Office.onReady, Office.context.ui.messageParent).
    entry: harness
      ? { taskpane: './test/e2e/harness/harness-entry.tsx', 'sign-in': ['./test/e2e/harness/dialog-office.ts', './src/taskpane/sign-in/index.ts'] }
      : { taskpane: './src/taskpane/index.tsx', commands: './src/commands/commands.ts', 'sign-in': './src/taskpane/sign-in/index.ts' },
    output: {
      path: path.resolve(__dirname, harness ? 'dist/addin-harness' : 'dist/addin'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].chunk.js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { configFile: 'tsconfig.client.json', transpileOnly: true } },
        },
      ],
    },
    plugins: [
      // In the shared runtime the ribbon commands run in the pane's page, so taskpane.html loads both bundles.
      page('taskpane.html', harness ? ['taskpane'] : ['commands', 'taskpane'], 'Client Import'),
      ...(harness ? [] : [page('commands.html', ['commands'], 'Client Import commands')]),
      new HtmlWebpackPlugin({
        filename: 'sign-in.html',
        template: './src/taskpane/sign-in/sign-in.html',
        chunks: ['sign-in'],
        inject: 'body',
        templateParameters: { officeJs: harness ? '' : OFFICE_JS },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // The help page SupportUrl and LearnMoreUrl point at (manifest.xml), served with the add-in's pages.
          { from: 'docs/help.html', to: 'help.html' },
          ...(harness
            ? [{ from: `node_modules/@microsoft/office-js/dist/${HARNESS_EXCEL_JS}`, to: HARNESS_EXCEL_JS }]
            : [{ from: 'manifest.xml', to: 'manifest.xml' }]),
        ],
      }),
      ...(production && !harness ? [new BundleBudgetPlugin({ entry: 'taskpane', maxInitialGzipBytes: 350 * 1024 })] : []),
    ],
    performance: { hints: false },
    optimization: { splitChunks: { chunks: 'async' } },
  };
};
