// Writes schema/schema.graphql (sorted SDL) from the code: `npm run schema`. A test fails when the file drifts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { PROJECT_ROOT } from '../projectRoot.ts';
import { buildSchema } from './index.ts';

export const SCHEMA_FILE = join(PROJECT_ROOT, 'schema/schema.graphql');

/** The SDL exactly as committed: sorted so that unrelated edits do not reorder it. */
export function printSDL(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
  writeFileSync(SCHEMA_FILE, printSDL());
  console.log(`wrote ${SCHEMA_FILE}`);
}
