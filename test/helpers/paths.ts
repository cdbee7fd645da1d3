import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');
/** ../shared beside the repository (CI clones main with shared/ next to it). */
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
