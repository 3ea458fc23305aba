#!/usr/bin/env node
// Kept outside dist/ so that installing the workspace before the first build creates the command.
await import("../dist/cli-main.js");
