// Regenerates the README's pictures of the page (docs/*.png):
//   npm run docs:screenshot      (after scripts/build.sh)
// screenshot.png: mid-step (the decode of BINARY_OP inside a call);
// objects.png: two names bound to one list; traceback.png: an uncaught
// exception after partial output; raw-bytes.png: co_code as hex pairs;
// dark.png: the dark theme.

import { chromium } from "@playwright/test";
import config from "./playwright.config.js";
import { serveRoot, urlOf, ROOT } from "./server.js";

const PROGRAM = "def square(n):\n    return n * n\n\nx = square(7)\nprint(x)\n";

const server = await serveRoot();
const browser = await chromium.launch(config.use.launchOptions);
const current = (page) => page.getByTestId("bytecode").locator('[aria-current="true"]');

async function open(page, hash) {
  await page.goto(`${urlOf(server)}index.html#${hash}`);
  await page.reload();
  await page.evaluate(() => window.pvm.ready);
}

async function shoot(page, name) {
  await page.waitForTimeout(700); // let the slide-in animations settle
  await page.screenshot({ path: `${ROOT}/docs/${name}` });
  console.log(`docs/${name} at step ${await page.getByTestId("step-count").textContent()}`);
}

try {
  const page = await browser.newPage({ viewport: config.use.viewport });

  await open(page, `code=${Buffer.from(PROGRAM).toString("base64url")}`);
  // Into square(7): stop at the decode of `n * n`'s BINARY_OP.
  while (!(await current(page).textContent()).includes("BINARY_OP")) await page.getByTestId("step").click();
  await page.getByTestId("step").click();
  await shoot(page, "screenshot.png");

  await open(page, "example=identity");
  while (!(await page.getByTestId("frames").getByTestId("frame").first().locator("th").allTextContents()).includes("c")) {
    await page.getByTestId("step-line").click();
  }
  await shoot(page, "objects.png");

  await open(page, "example=exception");
  await page.getByTestId("run").click();
  await shoot(page, "traceback.png");

  await open(page, "example=loop");
  await page.getByTestId("view-raw").click();
  for (let i = 0; i < 7; i++) await page.getByTestId("step-instruction").click();
  await page.getByTestId("step").click();
  await shoot(page, "raw-bytes.png");

  await open(page, "example=closure");
  await page.getByTestId("theme").click();
  for (let i = 0; i < 12; i++) await page.getByTestId("step-line").click();
  await shoot(page, "dark.png");
  await page.getByTestId("theme").click();
} finally {
  await browser.close();
  server.close();
}
