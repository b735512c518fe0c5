#!/usr/bin/env node
// Runs the TypeScript CLI entry (the same one `npm run cli` uses) through tsx, so it works straight after npm install.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
