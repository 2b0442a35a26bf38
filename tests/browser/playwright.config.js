// Playwright drives Debian's chromium (apt), never a downloaded browser.
import { defineConfig } from "@playwright/test";
import { execSync } from "node:child_process";

const chromium = process.env.CHROMIUM_PATH
  || execSync("command -v chromium || command -v chromium-browser", { shell: "/bin/sh" }).toString().trim();

export default defineConfig({
  testDir: ".",
  outputDir: "../artifacts/results",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    viewport: { width: 1280, height: 720 },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    },
  },
});
