import { afterAll, vi } from "vitest";

/*
 * Files run one after another in each worker (isolate: false in vitest.config.ts), which spares a process or thread
 * per file and lets an integration worker keep its database loaded (test-database.ts). What a process of its own gave
 * each file, this gives back: modules evaluated afresh, so the file's vi.mock calls apply and no module state carries
 * over (vitest keeps mocks per file), and at the end the environment, stubbed globals and timers as they were.
 */
vi.resetModules();
const environment = { ...process.env };

afterAll(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  for (const name of Object.keys(process.env)) if (!(name in environment)) delete process.env[name];
  Object.assign(process.env, environment);
});
