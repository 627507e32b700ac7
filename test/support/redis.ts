// startRedis(): a real redis-server on a free loopback port for replica tests (no persistence), which a test can kill
// and start again on the same port; startTwoReplicas(): two gateways sharing one. Never a mock: the replica code must meet Redis's real semantics.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import type { Gateway } from '../../src/server.ts';
import { startGateway, type GatewayOptions, type TestGateway } from './gateway.ts';

const BINARY = process.env['REDIS_SERVER'] ?? 'redis-server';
const START_TIMEOUT_MS = 10_000;

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` (GATEWAY_REDIS_URL). */
  readonly url: string;
  readonly port: number;
  /** SIGKILL: Redis vanishes the way a crashed host does. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: no persistence). */
  restart(): Promise<void>;
  /** A plain client for assertions (closed by `stop`). */
  client(): Redis;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    BINARY,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `The replica tests need a real Redis, but "${BINARY}" was not found. Install it (Debian/Ubuntu: ` +
                '`apt-get install -y redis-server`; macOS: `brew install redis`) or set REDIS_SERVER to its path.',
            )
          : error,
      );
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${String(code)} before it was ready:\n${output}`));
    });
  });
}

function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export async function startRedis(): Promise<RedisServer> {
  let port = 0;
  let child: ChildProcess | undefined;
  // Another process may take the free port between the probe and redis-server's bind: try a few.
  for (let attempt = 0; child === undefined; attempt += 1) {
    port = await freePort();
    try {
      child = await launch(port);
    } catch (error) {
      if (attempt >= 2 || (error instanceof Error && error.message.includes('was not found'))) throw error;
    }
  }
  let current: ChildProcess = child;
  const clients: Redis[] = [];
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => stopped(current, 'SIGKILL'),
    restart: async () => {
      await stopped(current, 'SIGKILL');
      current = await launch(port);
    },
    client: () => {
      const client = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1 });
      client.on('error', () => undefined);
      clients.push(client);
      return client;
    },
    stop: async () => {
      for (const client of clients) client.disconnect();
      await stopped(current, 'SIGTERM');
    },
  };
}

/** Two gateway replicas on one sandbox sharing a fresh redis-server (GATEWAY_REDIS_URL set for both). */
export interface TwoReplicas {
  readonly redis: RedisServer;
  /** The first replica, with the harness around it (sandbox, tokens, REST clients). */
  readonly env: TestGateway;
  readonly second: Gateway;
  /** Closes both gateways, the sandbox and Redis. */
  close(): Promise<void>;
}

export async function startTwoReplicas(options: GatewayOptions = {}): Promise<TwoReplicas> {
  const redis = await startRedis();
  let env: TestGateway | undefined;
  try {
    env = await startGateway({ ...options, env: { ...options.env, GATEWAY_REDIS_URL: redis.url } });
    const second = await env.replica();
    const started = env;
    return {
      redis,
      env: started,
      second,
      close: async () => {
        await started.close();
        await redis.stop();
      },
    };
  } catch (error) {
    await env?.close();
    await redis.stop();
    throw error;
  }
}
