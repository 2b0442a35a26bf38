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

// What the specs share: the URL of a program, controls by test id, opening a program and
// clicking a control the way a reader does.

/** The page's URL with `source` in its hash (the URL contract: #code=base64url). */
export const codeUrl = (source) => `index.html#code=${Buffer.from(source, "utf8").toString("base64url")}`;
export const byTestId = (page, id) => page.getByTestId(id);
/** The frame entries of the frames panel. */
export const frames = (page) => byTestId(page, "frames").getByTestId("frame");

/** Opens `source` and waits until it can be stepped; returns the page errors seen from then on. */
export async function openProgram(page, source) {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(codeUrl(source));
  await page.evaluate(() => window.pvm.ready);
  await expect(byTestId(page, "step")).toBeEnabled();
  return errors;
}

/** Clicks a control `times` times, each time waiting until the page has shown what it did. */
export async function click(page, id, times = 1) {
  for (let i = 0; i < times; i++) {
    await byTestId(page, id).click();
    await page.locator("body:not([data-busy])").waitFor({ state: "attached" });
  }
}
