/** Runs before `npm run test:e2e`: the browser tests use Debian's Chromium, so say how to get it when it is missing. */
import { accessSync, constants } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";

try {
  accessSync(CHROMIUM, constants.X_OK);
} catch {
  console.error(
    `The browser tests need Chromium at ${CHROMIUM}, which is missing.\n` +
      "Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n" +
      "(Playwright's own browser download is not used.)",
  );
  process.exit(1);
}
