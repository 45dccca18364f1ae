import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Imports run one way: app → components → lib (lib/README.md). A module both sides need belongs in lib.
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib",
              from: "./app",
              message: "lib never imports app: move what both need into lib.",
            },
            {
              target: "./lib",
              from: "./components",
              message: "lib never imports components: move what both need into lib.",
            },
            {
              target: "./components",
              from: "./app",
              message: "components never import app: move what both need into lib.",
            },
          ],
        },
      ],
    },
  },
  // Formatting is Prettier's (`npm run format`): rules that would argue with it are off.
  prettier,
  globalIgnores([
    ".next/**",
    "next-env.d.ts",
    "drizzle/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
