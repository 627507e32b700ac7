// The safe default, end to end: `start` with keys, no tokens and a non-loopback HOST refuses to run.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SECRET_A } from './support.ts';

function runStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Only what the CLI needs: no GATEWAY_* or BACKPACK_* leaking in from the developer's shell.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(GATEWAY_|BACKPACK_|HOST$|PORT$)/.test(name)),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
      env: { ...base, ...env },
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 20_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('bind policy at startup', () => {
  it('exits non-zero with a clear message when keys without tokens would listen on 0.0.0.0', async () => {
    const { code, stdout, stderr } = await runStart({
      BACKPACK_API_SECRET: SECRET_A,
      BACKPACK_API_URL: 'http://127.0.0.1:9',
      BACKPACK_WS_URL: 'ws://127.0.0.1:9',
      HOST: '0.0.0.0',
      PORT: '0',
    });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toContain('HOST=0.0.0.0');
    expect(stderr).toContain('GATEWAY_TOKENS_FILE');
    expect(stderr).toContain('127.0.0.1');
    expect(stderr).not.toContain(SECRET_A);
    expect(stdout).not.toContain('GraphQL gateway');
  }, 30_000);
});
