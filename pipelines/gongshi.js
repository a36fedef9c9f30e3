#!/usr/bin/env node
// The `gongshi` command's entry: checks the Node.js version first (one clear line on an old one), gives the
// command a heap as large as the machine allows (larger-heap.js), then runs the TypeScript command line.
import './require-node.js';
import {runInLargerHeap} from './larger-heap.js';

if (!(await runInLargerHeap())) await import('./cli.ts');
