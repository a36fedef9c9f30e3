#!/usr/bin/env node
// The `gongshi` command's entry: checks the Node.js version first (one clear line on an old one), then runs
// the TypeScript command line.
import './require-node.js';

await import('./cli.ts');
