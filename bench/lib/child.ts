// Benchmark processes: the system under test runs in its own child (its own event loop and core), driven over IPC.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/projectRoot.ts';

type Handler = (args: Record<string, unknown>) => unknown;
interface Reply {
  readonly id: number;
  readonly result?: unknown;
  readonly error?: string;
}

export interface Child<Info> {
  readonly info: Info;
  readonly pid: number;
  call<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

// BENCH_FROM_SOURCE=1 runs the children from source under tsx instead (to compare: tsx's esbuild transform keeps
// function names by wrapping every closure it creates in a `__name` call, which the hot paths pay for).
const FROM_SOURCE = process.env['BENCH_FROM_SOURCE'] === '1';
let built = false;

/**
 * Every child runs as deployed, compiled by `npm run build` (incremental: a few seconds when dist/ is fresh), both
 * sides of every ratio alike. Built once per bench process, before the first child starts.
 */
function buildOnce(): void {
  if (built || FROM_SOURCE) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  built = true;
}

/** Starts `bench/proc/<name>.ts` (compiled, from dist/) and waits for its `ready` message. */
export async function startChild<Info>(
  name: string,
  options: { env?: Record<string, string>; args?: readonly string[]; exposeGc?: boolean } = {},
): Promise<Child<Info>> {
  buildOnce();
  const script = FROM_SOURCE
    ? join(PROJECT_ROOT, 'bench/proc', `${name}.ts`)
    : join(PROJECT_ROOT, 'dist/bench/proc', `${name}.js`);
  const child: ChildProcess = fork(script, [...(options.args ?? [])], {
    // BENCH_CPU_PROF=<dir> profiles the gateway processes (open the .cpuprofile in Chrome DevTools).
    execArgv: [
      ...(FROM_SOURCE ? ['--import', 'tsx'] : []),
      ...(options.exposeGc ? ['--expose-gc'] : []),
      ...(process.env['BENCH_CPU_PROF'] && name === 'gateway'
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`]
        : []),
      // BENCH_GATEWAY_FLAGS="--trace-gc …": V8 flags for the gateway processes only (diagnosis; NODE_OPTIONS refuses most).
      ...(process.env['BENCH_GATEWAY_FLAGS'] && name === 'gateway'
        ? process.env['BENCH_GATEWAY_FLAGS'].split(' ').filter(Boolean)
        : []),
    ],
    // As deployed: NODE_ENV=production also drops graphql-js's development-only instanceof checks (both the gateway
    // and the graphql-js baseline run with it). The gateway's production defaults (no introspection, no GraphiQL,
    // strict CORS) change nothing the benches send.
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const info = await new Promise<Info>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    child.on('message', (message: { ready?: Info } & Partial<Reply>) => {
      if (message.ready !== undefined) {
        resolve(message.ready);
        return;
      }
      const waiter = pending.get(message.id ?? -1);
      if (waiter === undefined) return;
      pending.delete(message.id ?? -1);
      if (message.error !== undefined) waiter.reject(new Error(message.error));
      else waiter.resolve(message.result);
    });
  });
  child.removeAllListeners('exit');
  return {
    info,
    pid: child.pid ?? -1,
    call: <T>(cmd: string, args: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, cmd, args });
      }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Child side: announce `info`, then answer `{id, cmd, args}` messages with the matching handler. */
export function serveParent(
  info: unknown,
  handlers: Readonly<Record<string, Handler>>,
  onStop?: () => Promise<void>,
): void {
  process.on('message', (message: { id: number; cmd: string; args: Record<string, unknown> }) => {
    const handler = handlers[message.cmd];
    Promise.resolve()
      .then(() => {
        if (handler === undefined) throw new Error(`unknown command ${message.cmd}`);
        return handler(message.args);
      })
      .then(
        (result) => process.send?.({ id: message.id, result }),
        (error: unknown) =>
          process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
      );
  });
  process.once('SIGTERM', () => {
    void (onStop?.() ?? Promise.resolve()).finally(() => process.exit(0));
  });
  process.send?.({ ready: info });
}

/** Heap after full collections (needs --expose-gc). */
export function collectedMemory(): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('start the process with --expose-gc');
  for (let i = 0; i < 4; i += 1) gc();
  return process.memoryUsage();
}
