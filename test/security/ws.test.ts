import type { FormattedExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { mintToken } from '../../src/security/mintToken.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { tempDir, toyGateway } from './support.ts';

// The gateway's own graphql-ws endpoint with the security layer's onConnect check.
const files = tempDir();
const reader = mintToken('dashboard', 'default', ['read']);
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startGateway(
    toyGateway({
      GATEWAY_TOKENS_FILE: files.write('tokens.json', JSON.stringify([reader.entry])),
      GATEWAY_RATE_LIMIT_PER_MIN: '2',
    }),
  );
});
afterAll(async () => {
  await gateway.close();
  files.cleanup();
});

function request(
  query: string,
  connectionParams: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<FormattedExecutionResult<Record<string, unknown>, unknown> | { closed: number }> {
  return new Promise((resolve) => {
    class HeaderSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    }
    const client = createClient({
      url: gateway.wsUrl,
      webSocketImpl: HeaderSocket,
      connectionParams,
      retryAttempts: 0,
      lazy: true,
      on: { closed: (event) => resolve({ closed: (event as { code: number }).code }) },
    });
    let result: FormattedExecutionResult<Record<string, unknown>, unknown> | undefined;
    client.subscribe(
      { query },
      {
        next: (value) => {
          result = value;
        },
        error: () => undefined,
        complete: () => {
          resolve(result ?? { closed: 0 });
          void client.dispose();
        },
      },
    );
  });
}

describe('graphql-ws with the security layer', () => {
  it('identifies the caller from connectionParams and enforces scopes', async () => {
    expect(await request('{ balance }', { authorization: `Bearer ${reader.token}` })).toEqual({
      data: { balance: 'balance of default' },
    });
    const trade = (await request('mutation { placeOrder }', { token: reader.token })) as FormattedExecutionResult;
    expect(trade.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('counts ws operations against the same per-token budget', async () => {
    const limited = (await request('{ balance }', { token: reader.token })) as FormattedExecutionResult;
    expect(limited.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
  });

  it('closes the connection on a bad token or a cross-site origin', async () => {
    expect(await request('{ whoami }', { token: `${reader.token}x` })).toEqual({ closed: 4403 });
    expect(await request('{ whoami }', {}, { origin: 'https://evil.example' })).toEqual({ closed: 4403 });
  });
});
