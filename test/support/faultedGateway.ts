// startFaultedGateway(): the sandbox, a fault proxy in front of its REST side, and a gateway that reaches the exchange
// only through that proxy; plus the exchange's own view (bypassing the proxy) to check what really happened.
import { pino } from 'pino';
import { loadConfig } from '../../src/config.ts';
import { BackpackRest } from '../../src/exchange/rest.ts';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.ts';
import { createGateway, type Gateway } from '../../src/server.ts';
import { startFaultProxy, type FaultProxy } from './faultProxy.ts';

export interface FaultedGateway {
  readonly sandbox: SandboxHandle;
  readonly proxy: FaultProxy;
  readonly gateway: Gateway;
  /** The demo account's client straight to the sandbox: the truth a gateway answer is checked against. */
  readonly exchange: BackpackRest;
  close(): Promise<void>;
}

export async function startFaultedGateway(seed: number, env: Record<string, string> = {}): Promise<FaultedGateway> {
  const sandbox = await startSandbox({ port: 0, seed, flow: { enabled: false } });
  const proxy = await startFaultProxy(sandbox.restUrl);
  const demo = sandbox.accountsByName['demo'];
  if (!demo) throw new Error('the sandbox has no demo account');
  const base = {
    BACKPACK_WS_URL: sandbox.wsUrl,
    BACKPACK_API_SECRET: demo.apiSecret,
    PORT: '0',
    BACKPACK_CLOCK_SYNC: 'false',
    // A short client timeout and signed window keep the look-ups after a lost answer short.
    BACKPACK_TIMEOUT_MS: '1500',
    BACKPACK_WINDOW_MS: '1000',
    ...env,
  };
  const gateway = await createGateway(loadConfig({ ...base, BACKPACK_API_URL: proxy.url }), {
    logger: pino({ level: 'silent' }),
    env: {},
  });
  return {
    sandbox,
    proxy,
    gateway,
    exchange: BackpackRest.fromConfig(loadConfig({ ...base, BACKPACK_API_URL: sandbox.restUrl })),
    close: async () => {
      await gateway.close();
      await proxy.close();
      await sandbox.close();
    },
  };
}
