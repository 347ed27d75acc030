#!/usr/bin/env node
// `npx kondo-sf ...` from the repository: runs the TypeScript command line through tsx, which
// the project already uses for every script, so nothing has to be compiled first.
require('tsx/cjs');
require('../src/bin.ts');
