// jsdom for the pane's React tests, plus the fetch classes Node 20 has and jsdom leaves out
// (Response, Headers, …), and the ResizeObserver it lacks, so the api layer and src/api's fake portal run unchanged inside it.
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = ['fetch', 'Request', 'Response', 'Headers', 'TextEncoder', 'TextDecoder', 'structuredClone', 'ReadableStream'];

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) if (this.global[name] === undefined) this.global[name] = globalThis[name];
    // Fluent's MessageBar watches its own size; jsdom lays nothing out, so nothing ever resizes.
    if (this.global.ResizeObserver === undefined) {
      this.global.ResizeObserver = class ResizeObserver {
        observe() {}
        unobserve() {}
        disconnect() {}
      };
    }
  }
}

module.exports = JsdomWithFetchEnvironment;
