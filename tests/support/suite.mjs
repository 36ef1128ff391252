// The usual setup of a browser test file: one headless Chromium and the release build in
// dist/ served on loopback, for every test in the file. `browser` and `server` are live
// bindings, set once the hooks have run (node --test runs each file in its own process).
import { before, after } from 'node:test';
import { join } from 'node:path';
import { launch, ROOT } from './browser.mjs';
import { serveDist } from './server.mjs';

export let browser;
export let server;

/** Registers the hooks that start and stop both. */
export function withBrowserAndDist() {
  before(async () => {
    browser = await launch();
    server = await serveDist(join(ROOT, 'dist'));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}
