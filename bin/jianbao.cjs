#!/usr/bin/env node
// The CLI runs as compiled JavaScript: `npm run compile` bundles src/ into dist/ (see scripts/bundle.mjs).
require('../dist/cli.cjs');
