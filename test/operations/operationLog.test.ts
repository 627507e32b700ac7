// Operation logs and request ids over HTTP: one structured line per operation, the caller's x-request-id echoed and
// carried in every error, user mistakes logged at info.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { startPausableExchange, type PausableExchange } from '../support/pausableExchange.ts';

let exchange: PausableExchange;
let gateway: TestGateway;

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
  return { requestId: response.headers.get('x-request-id'), body };
}

beforeAll(async () => {
  exchange = await startPausableExchange();
  gateway = await startGateway({ upstream: { restUrl: exchange.url }, captureLogs: 'info' });
});

afterAll(async () => {
  await gateway?.close();
  await exchange?.close();
});

const operationLines = (requestId: string | null) =>
  gateway.logRecords().filter((line) => line['msg'] === 'graphql operation' && line['requestId'] === requestId);

describe('operation log and request ids', () => {
  it('echoes the caller’s x-request-id and logs one line for the operation', async () => {
    const { requestId, body } = await post('query Clock { serverTime }', { 'x-request-id': 'trace-123' });
    expect(body.errors).toBeUndefined();
    expect(requestId).toBe('trace-123');
    const [line, ...more] = operationLines('trace-123');
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      operationName: 'Clock',
      operationType: 'query',
      outcome: 'ok',
      errorCodes: [],
      upstreamCalls: 1,
      principal: 'anonymous',
    });
    expect(typeof line?.['durationMs']).toBe('number');
  });

  it('generates an id when none (or a malformed one) is sent, and puts it in every error; user errors log at info', async () => {
    const { requestId, body } = await post('{ account { balances { symbol } } }', {
      'x-request-id': 'bad id with spaces',
    });
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId });
    expect(operationLines(requestId)).toMatchObject([{ level: 30, outcome: 'error', errorCodes: ['UNAUTHENTICATED'] }]);

    const invalid = await post('{ nope }');
    expect(invalid.body.errors?.[0]?.extensions?.['requestId']).toBe(invalid.requestId);
  });
});
