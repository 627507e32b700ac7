import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/security/tokens.ts';

describe('npm run token', () => {
  it('prints a new token once and the hashed entry to store', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/security/mintToken.ts', 'bot', 'default', 'read', 'trade'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    const token = /^\s+(bpg_\S+)$/m.exec(run.stdout)?.[1];
    const entry = /^\s+(\{.*\})$/m.exec(run.stdout)?.[1];
    if (!token || !entry) throw new Error(`unexpected output: ${run.stdout}`);
    expect(JSON.parse(entry)).toEqual({
      name: 'bot',
      sha256: sha256Hex(token),
      account: 'default',
      scopes: ['read', 'trade'],
    });
    expect(run.stdout.split(token).length).toBe(2); // shown exactly once
  });

  it('explains its usage and refuses unknown scopes', () => {
    const usage = spawnSync(process.execPath, ['--import', 'tsx', 'src/security/mintToken.ts'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: npm run token');
    const bad = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/security/mintToken.ts', 'bot', 'default', 'admin'],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown: admin');
  });
});
