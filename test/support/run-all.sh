#!/usr/bin/env bash
# `pnpm test`: everything a submission must pass, in the order that fails fastest.
# Lint, typecheck, build (the packaging tests import the built dist), then every vitest project:
# Node tests, and browser tests in Debian's headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash test/support/ensure-chromium.sh
pnpm run lint
pnpm run typecheck
pnpm run build
pnpm exec vitest run --config test/vitest.config.ts
