// The gateway's CLI as a child process for end-to-end tests: its own process group (a signal reaches it as Ctrl-C in
// a terminal would), stderr kept for failure messages, and its banner awaited with a clear error if it exits first or
// stays silent.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface CliExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface CliProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<CliExit>;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** Runs `read` over its stdout lines until `read` returns (then stdout keeps draining so logging never blocks). */
  banner<T>(read: (lines: AsyncIterable<string>) => Promise<T>): Promise<T>;
  /** SIGTERM to its process group; `stop` no longer kills it. */
  terminate(): void;
  /** SIGKILL to its process group unless `terminate` ran (for `finally`). */
  stop(): void;
}

/** Starts `node <args>` (e.g. `dist/src/main.js sandbox` or `--import tsx src/main.ts sandbox`). */
export function startCli(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): CliProcess {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<CliExit>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let terminated = false;
  const signal = (name: NodeJS.Signals): void => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, name);
  };
  return {
    child,
    exited,
    stderr: () => stderr,
    async banner(read) {
      const found = await Promise.race([
        read(createInterface({ input: child.stdout as NodeJS.ReadableStream })),
        exited.then(({ code }) => Promise.reject(new Error(`exited ${code} before printing: ${stderr}`))),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no banner within 30 s: ${stderr}`)), 30_000).unref(),
        ),
      ]);
      child.stdout?.resume();
      return found;
    },
    terminate() {
      terminated = true;
      signal('SIGTERM');
    },
    stop() {
      if (!terminated) signal('SIGKILL');
    },
  };
}
