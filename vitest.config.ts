import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["dist/**", "node_modules/**"],
    // One temporary folder per run (removed at the end, whatever failed), one PostgreSQL server shared by the
    // files that need one, a blank PGlite database to copy: see test/global-setup.ts.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Store and CLI tests start databases and processes; two cores do not run more than two files well.
    maxWorkers: 2,
  },
});
