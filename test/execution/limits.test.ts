// The response-size and execution-time caps as yoga plugins on loopback: typed errors instead of the oversized or
// overdue answer (compiled queries too), and mutations never cut short.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCompiledQueries } from '../../src/execution/compiledQueries.ts';
import { useExecutionTimeLimit } from '../../src/execution/executionTimeLimit.ts';
import { useResponseSizeLimit } from '../../src/execution/responseSizeLimit.ts';

const after = (ms: number, value: string) => new Promise<string>((resolve) => setTimeout(() => resolve(value), ms));
let placed = 0;

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type Query {
      rows(count: Int!): [String!]!
      slow: String!
    }
    type Mutation {
      slowOrder: String!
    }
  `,
  resolvers: {
    Query: {
      rows: (_: unknown, { count }: { count: number }) => Array.from({ length: count }, () => 'x'.repeat(10)),
      slow: () => after(2_000, 'late'),
    },
    Mutation: {
      slowOrder: async () => {
        const answer = await after(400, 'placed');
        placed += 1;
        return answer;
      },
    },
  },
});

let server: Server;
let url: string;
let yoga: ReturnType<typeof createYoga>;
beforeAll(async () => {
  yoga = createYoga({
    schema,
    logging: false,
    plugins: [useResponseSizeLimit(1_000), useExecutionTimeLimit(150)],
  });
  server = createServer((req, res) => void yoga(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function post(query: string): Promise<{ data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
}

describe('response size cap', () => {
  it('sends a result within the cap and replaces a larger one with RESPONSE_TOO_LARGE, without partial data', async () => {
    expect(await post('{ rows(count: 10) }')).toEqual({
      data: { rows: Array.from({ length: 10 }, () => 'xxxxxxxxxx') },
    });
    const body = await post('{ rows(count: 200) }');
    expect(body).not.toHaveProperty('data');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', maxBytes: 1_000 });
    expect(body.errors?.[0]?.extensions?.['bytes']).toBeGreaterThan(2_000);
  });
});

describe('execution time cap', () => {
  it('answers a query still running past the cap with EXECUTION_TIMEOUT', async () => {
    const body = await post('{ slow }');
    expect(body).not.toHaveProperty('data');
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'EXECUTION_TIMEOUT', maxMs: 150 });
  });

  it('answers a compiled query (graphql-jit) past the cap the same way', async () => {
    const stats = { compiled: 0, executions: 0 };
    const compiled = createYoga({
      schema,
      logging: false,
      plugins: [useCompiledQueries({ compileAt: 1 }, stats), useExecutionTimeLimit(150)],
    });
    const response = await compiled.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ slow }' }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
    expect(body).not.toHaveProperty('data');
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'EXECUTION_TIMEOUT', maxMs: 150 });
    expect(stats).toEqual({ compiled: 1, executions: 1 });
  });

  it('lets a mutation finish: cutting it short would leave its outcome unknown', async () => {
    expect(await post('mutation { slowOrder }')).toEqual({ data: { slowOrder: 'placed' } });
    expect(placed).toBe(1);
  });

  it('times out many concurrent queries sharing one timer, without a listener-leak warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      // In-process, so all of them start within one slice of the shared timer.
      const answers = await Promise.all(
        Array.from({ length: 30 }, async () => {
          const response = await yoga.fetch('http://localhost/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ slow }' }),
          });
          return (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
        }),
      );
      for (const body of answers)
        expect(body.errors?.[0]?.extensions).toEqual({ code: 'EXECUTION_TIMEOUT', maxMs: 150 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
