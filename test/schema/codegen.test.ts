// The committed typed documents (src/generated/, ui/src/generated/) match what `npm run codegen` produces from the SDL and operations.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { CODEGEN_OUTPUT, DASHBOARD_CODEGEN_OUTPUT, codegenConfig } from '../../codegen.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('codegen output', () => {
  it('is current: regenerating gives exactly the committed generated files (else run `npm run codegen`)', async () => {
    // Generated in memory (saveToFile = false) with the very config the npm script uses.
    const outputs = (await generate({ ...codegenConfig(), cwd: ROOT }, false)) as {
      filename: string;
      content: string;
    }[];
    const generated = new Map(outputs.map((file) => [relative(ROOT, resolve(ROOT, file.filename)), file.content]));
    const committed = new Map(
      [CODEGEN_OUTPUT, DASHBOARD_CODEGEN_OUTPUT].flatMap((output) => {
        const committedDir = join(ROOT, output);
        return readdirSync(committedDir).map((name) => [
          relative(ROOT, join(committedDir, name)),
          readFileSync(join(committedDir, name), 'utf8'),
        ]);
      }),
    );

    const hint = 'the generated documents are stale: run `npm run codegen` and commit the result';
    expect([...committed.keys()].sort(), hint).toEqual([...generated.keys()].sort());
    for (const [file, content] of generated) {
      expect(committed.get(file), `${file}: ${hint}`).toBe(content);
    }
  });
});
