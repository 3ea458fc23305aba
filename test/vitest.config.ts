import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";
import { typeKeys } from "./support/browser-commands.js";
import { chromiumArgs, chromiumPath } from "./support/chromium.js";

// Tests run on the TypeScript sources: the "@scangate/source" export condition points each
// workspace package at its src/index.ts, so no build is needed before a test run.
const sourceCondition = "@scangate/source";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
  test: {
    reporters: ["default", "./test/support/closing-line-reporter.ts"],
    projects: [
      {
        extends: true, // without it a project ignores the root's resolve conditions
        test: {
          name: "node",
          environment: "node",
          globalSetup: ["packages/hub/test/support/postgres.global-setup.ts"],
          include: ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/*.browser.test.ts", "**/node_modules/**", "test/bench/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          globalSetup: ["packages/rules/test/support/feed-server.global-setup.ts"],
          include: ["packages/*/test/**/*.browser.test.ts", "test/**/*.browser.test.ts"],
          browser: {
            enabled: true,
            headless: true,
            // Debian's /usr/bin/chromium, never a downloaded browser.
            provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: [...chromiumArgs] } }),
            instances: [{ browser: "chromium" }],
            commands: { typeKeys },
          },
        },
      },
    ],
  },
});
