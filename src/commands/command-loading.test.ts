// webpack.config.js decides when the ribbon's bundle runs in taskpane.html; a deferred bundle runs too late
// for a click on a cold shared runtime (the function is not associated yet).
import HtmlWebpackPlugin from 'html-webpack-plugin';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js')({}, { mode: 'production' });

describe('taskpane.html loads the ribbon commands first, as a blocking script', () => {
  const page = config.plugins.find(
    (p: unknown) => p instanceof HtmlWebpackPlugin && (p as HtmlWebpackPlugin).userOptions.filename === 'taskpane.html',
  ) as HtmlWebpackPlugin;

  it('puts the commands bundle before the pane bundle', () => {
    expect(page.userOptions.chunks).toEqual(['commands', 'taskpane']);
    expect(page.userOptions.chunksSortMode).toBe('manual');
  });

  it('neither defers nor makes the scripts modules', () => {
    expect(page.userOptions.scriptLoading).toBe('blocking');
    expect(page.userOptions.inject).toBe('body');
  });
});
