// The repository's root directory, whether this code runs from source (src/) or compiled (dist/src/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest directory above this file holding package.json: data files (ui/dist, schema/) are found from it. */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);
