#!/usr/bin/env node
// `npx measures …` after `npm ci`, with no build step: tsx runs the TypeScript sources directly.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
