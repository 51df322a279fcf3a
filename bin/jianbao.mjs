#!/usr/bin/env node
// The CLI runs as compiled JavaScript: `npm run compile` bundles src/ into dist/jianbao.mjs.
import '../dist/jianbao.mjs';
