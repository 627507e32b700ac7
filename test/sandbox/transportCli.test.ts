// `npm run exchange`: one JSON line with working URLs and the demo keys, then serves until signalled.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

describe('npm run exchange', () => {
  it('prints one JSON line with working URLs and demo keys, and stops cleanly on SIGTERM', async () => {
    const child = spawn('npm', ['run', '--silent', 'exchange'], {
      cwd: process.cwd(),
      env: { ...process.env, EXCHANGE_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group, so the test can signal npm and node together (and only them).
      detached: true,
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout });
    const received: string[] = [];
    lines.on('line', (line) => received.push(line));
    try {
      const first = await new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
        setTimeout(() => reject(new Error(`no output: ${stderr}`)), 30_000).unref();
      });
      const info = JSON.parse(first) as Record<string, string>;
      expect(Object.keys(info).sort()).toEqual(['apiKey', 'apiSecret', 'restUrl', 'wsUrl']);
      expect(info['restUrl']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info['wsUrl']).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
      expect(Buffer.from(info['apiKey'] ?? '', 'base64')).toHaveLength(32);
      expect(Buffer.from(info['apiSecret'] ?? '', 'base64')).toHaveLength(32);

      const ping = await fetch(`${info['restUrl']}/api/v1/ping`);
      expect(await ping.text()).toBe('pong');
    } finally {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }
    await exited;
    expect(received).toHaveLength(1);
  }, 60_000);
});
