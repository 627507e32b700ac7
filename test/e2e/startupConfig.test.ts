// `npm start` with bad configuration: every bad variable is reported on stderr, one line each, and the exit is non-zero.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

describe('npm start with bad configuration', () => {
  it('prints one error per bad variable and exits 1 without listening', async () => {
    const child = spawn(TSX, ['src/main.ts', 'start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: 'eighty',
        BACKPACK_API_URL: 'ftp://example.com',
        GATEWAY_ORDERBOOK_CONFLATE_MS: '60001',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'BACKPACK_API_URL must use http or https, got "ftp://example.com"',
      'PORT must be a whole number, got "eighty"',
      'GATEWAY_ORDERBOOK_CONFLATE_MS must be between 0 and 60000, got 60001',
    ]);
  });
});
