// `test` with `baseURL` pointing at a static server of the repository root,
// started once per worker on a free localhost port.

import { test as base, expect } from "@playwright/test";
import { serveRoot, urlOf } from "./server.js";

export const test = base.extend({
  rootServer: [async ({}, use) => {
    const server = await serveRoot();
    await use(server);
    await new Promise((done) => server.close(done));
  }, { scope: "worker" }],
  baseURL: async ({ rootServer }, use) => {
    await use(urlOf(rootServer));
  },
});

export { expect };
