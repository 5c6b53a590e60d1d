#!/usr/bin/env node
// Runs the CLI from its TypeScript sources, so `npx mau-studio` works without a build step.
import { URL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
await import(new URL('../electron/cli/index.ts', import.meta.url).href);
