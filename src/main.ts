// CLI entry: `exchange` (standalone sandbox exchange), `sandbox` (gateway + sandbox), `start` (gateway).
import { loadConfig } from './config.ts';
import { readSetting, readSettings } from './config/settings.ts';
import { scrubSecrets } from './log.ts';
import type { SandboxHandle } from './sandbox/index.ts';
import { gatewayOffers } from './http/graphiql.ts';
import { createGateway } from './server.ts';

function exchangePort(): number {
  return readSetting(process.env, 'EXCHANGE_PORT');
}

/** Serves until SIGINT/SIGTERM, then shuts down gracefully where it can (in the order given) and exits 0. */
function closeOnSignal(
  ...handles: readonly { close(): Promise<void>; shutdown?(reason: string): Promise<void> }[]
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // Ignored once shutdown has begun: run from source, tsx relays the terminal's signal, so the app sees it twice.
    if (stopping) return;
    stopping = true;
    void handles
      .reduce(
        (done, handle) => done.then(() => (handle.shutdown ? handle.shutdown(signal) : handle.close())),
        Promise.resolve(),
      )
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The sandbox is loaded only by the commands that run it: `start` never loads its ten thousand lines. */
async function startSandbox(): Promise<SandboxHandle> {
  const sandbox = await import('./sandbox/index.ts');
  return sandbox.startSandbox({ port: exchangePort() });
}

async function exchange(): Promise<void> {
  const handle = await startSandbox();
  const demo = handle.accountsByName['demo'];
  // Exactly one JSON line on stdout: scripts and tests read it.
  process.stdout.write(
    `${JSON.stringify({ restUrl: handle.restUrl, wsUrl: handle.wsUrl, apiKey: demo?.apiKey, apiSecret: demo?.apiSecret })}\n`,
  );
  closeOnSignal(handle);
}

async function sandbox(): Promise<void> {
  readSettings(process.env); // every bad variable is reported before the sandbox starts
  const handle = await startSandbox();
  const demo = handle.accountsByName['demo'];
  // The gateway signs as the sandbox's demo account; PORT / HOST and the other settings still come from the env.
  const config = loadConfig({
    ...process.env,
    BACKPACK_API_URL: handle.restUrl,
    BACKPACK_WS_URL: handle.wsUrl,
    BACKPACK_API_KEY: demo?.apiKey,
    BACKPACK_API_SECRET: demo?.apiSecret,
    BACKPACK_API_SECRET_FILE: undefined,
  });
  const gateway = await createGateway(config);
  process.stdout.write(
    [
      `GraphQL gateway       ${gateway.url} ${gatewayOffers(gateway.security.limits.graphiql)}`,
      `Sandbox exchange REST ${handle.restUrl}`,
      `Sandbox exchange WS   ${handle.wsUrl}`,
      `Demo API key          ${demo?.apiKey ?? ''}`,
      // A throwaway key of this local sandbox (derived from its seed), printed so that other clients can sign as demo.
      `Demo API secret       ${demo?.apiSecret ?? ''} (sandbox-only key; it signs nothing on the real exchange)`,
      '',
    ].join('\n'),
  );
  closeOnSignal(gateway, handle);
}

async function start(): Promise<void> {
  const gateway = await createGateway(loadConfig());
  process.stdout.write(`GraphQL gateway ${gateway.url} ${gatewayOffers(gateway.security.limits.graphiql)}\n`);
  closeOnSignal(gateway);
}

const commands: Readonly<Record<string, () => Promise<void>>> = { exchange, sandbox, start };

const name = process.argv[2] ?? '';
const command = commands[name];
if (command === undefined) {
  process.stderr.write(`usage: node dist/src/main.js <${Object.keys(commands).join('|')}>\n`);
  process.exitCode = 2;
} else {
  command().catch((error: unknown) => {
    // Startup errors name variables, never values; the scrub covers an unexpected one quoting a loaded secret.
    process.stderr.write(`${scrubSecrets(error instanceof Error ? error.message : String(error))}\n`);
    process.exit(1);
  });
}
