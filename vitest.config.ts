import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The marker package throws outside React Server Components; tests run server code directly.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    // A worker runs its files one after another (isolate: false) instead of starting a process or thread per file;
    // file-isolation.ts gives each file fresh modules and the environment it was given, as a process of its own did.
    isolate: false,
    setupFiles: ["tests/support/file-isolation.ts", "tests/support/setup-file.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { BCRYPT_COST: "4", TZ: "UTC" },
    projects: [
      {
        extends: true,
        test: {
          // Pure modules: no database, nothing to migrate, cheap worker threads.
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          pool: "threads",
        },
      },
      {
        extends: true,
        test: {
          // Migrated once per run (global-setup.ts); each worker loads the result once and empties it for every
          // file it runs (test-database.ts).
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          pool: "forks",
          // Files wait on the database as much as they compute: two workers even on two cores, which halves the
          // suite's time on Postgres and costs nothing on PGlite. Its own group, as unit keeps the default count.
          maxWorkers: Math.max(2, os.availableParallelism() - 1),
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
