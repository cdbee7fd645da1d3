#!/usr/bin/env node
// `npx measures …`: runs the compiled CLI (dist/, built by `npm ci` through the prepare script). In a checkout
// that was never built, falls back to running the TypeScript sources through tsx.
import fs from 'node:fs';

const compiled = new URL('../../dist/cli/main.js', import.meta.url);
if (fs.existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
