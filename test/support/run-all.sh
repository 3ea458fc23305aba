#!/usr/bin/env bash
# `pnpm test`: everything a submission must pass, in the order that fails fastest.
# Lint, typecheck, build (the packaging tests import the built dist), then every vitest project:
# Node tests, and browser tests in Debian's headless Chromium. The hub's PostgreSQL tests need Debian's
# postgresql server binaries (each run starts a throwaway cluster on 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash test/support/ensure-chromium.sh
bash test/support/ensure-postgres.sh
pnpm run lint
pnpm run typecheck
pnpm run build
pnpm exec vitest run --config test/vitest.config.ts
