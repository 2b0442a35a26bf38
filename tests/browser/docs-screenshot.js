// Regenerates docs/screenshot.png (the README's picture of the page mid-step):
//   npm run docs:screenshot      (after scripts/build.sh)

import { chromium } from "@playwright/test";
import config from "./playwright.config.js";
import { serveRoot, urlOf, ROOT } from "./server.js";

const PROGRAM = "def square(n):\n    return n * n\n\nx = square(7)\nprint(x)\n";

const server = await serveRoot();
const browser = await chromium.launch(config.use.launchOptions);
try {
  const page = await browser.newPage({ viewport: config.use.viewport });
  await page.goto(`${urlOf(server)}index.html#code=${Buffer.from(PROGRAM).toString("base64url")}`);
  await page.evaluate(() => window.pvm.ready);
  const stepCount = page.getByTestId("step-count");
  // Into square(7): stop at the decode of `n * n`'s BINARY_OP.
  while (!(await page.getByTestId("bytecode").locator('[aria-current="true"]').textContent()).includes("BINARY_OP")) {
    await page.getByTestId("step").click();
  }
  await page.getByTestId("step").click();
  await page.screenshot({ path: `${ROOT}/docs/screenshot.png` });
  console.log(`docs/screenshot.png at step ${await stepCount.textContent()}`);
} finally {
  await browser.close();
  server.close();
}
