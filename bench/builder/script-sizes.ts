import { gzipSync } from "node:zlib";
import type { Page, Response } from "@playwright/test";

export interface ScriptSizes {
  files: number;
  rawBytes: number;
  /** Each file's body compressed on its own with gzip level 9, summed: independent of the server's compression. */
  gzipBytes: number;
}

/**
 * Record every script a page loads while `load` runs (it navigates). Bodies are read after the navigation settles,
 * each URL counted once.
 */
export async function measureScripts(page: Page, load: () => Promise<void>): Promise<ScriptSizes> {
  const responses = new Map<string, Response>();
  const record = (response: Response) => {
    if (response.request().resourceType() === "script" && response.ok())
      responses.set(response.url(), response);
  };
  page.on("response", record);
  try {
    await load();
    await page.waitForLoadState("networkidle");
  } finally {
    page.off("response", record);
  }
  const sizes: ScriptSizes = { files: 0, rawBytes: 0, gzipBytes: 0 };
  for (const response of responses.values()) {
    const body = await response.body();
    sizes.files++;
    sizes.rawBytes += body.length;
    sizes.gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return sizes;
}

export const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
