// The validation cache: a document is validated once per rule set, and a caller whose rules differ (no
// introspection) never gets an answer validated under someone else's rules.
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import { describe, expect, it } from 'vitest';
import { useValidationCache } from '../../src/execution/validationCache.ts';

const schema = createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'hi' } } });

function gateway() {
  let validations = 0;
  // Introspection is refused to callers without `x-introspect`, as the gateway's security layer does by scope. The
  // counting rule is built afresh on every request, as graphql-armor's limits are.
  const rules: Plugin = {
    onValidate({ addValidationRule, context }) {
      const counting: ValidationRule = () => {
        validations += 1;
        return {};
      };
      addValidationRule(counting);
      const request = (context as { request?: Request }).request;
      if (request?.headers.get('x-introspect') === null) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
  const yoga = createYoga({
    schema,
    logging: false,
    parserAndValidationCache: { validationCache: false },
    plugins: [rules, useValidationCache()],
  });
  const post = async (query: string, headers: Record<string, string> = {}) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  };
  return { post, validations: () => validations };
}

describe('validation cache', () => {
  it('validates a document once per rule set and answers each caller under its own rules', async () => {
    const { post, validations } = gateway();
    const query = '{ __schema { queryType { name } } }';
    const refused = await post(query);
    expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
    expect(await post(query)).toEqual(refused);
    expect(validations()).toBe(1);

    const allowed = await post(query, { 'x-introspect': '1' });
    expect(allowed).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect(validations()).toBe(2);

    // Both rule sets stay cached: each caller keeps getting its own answer without validating again.
    expect(await post(query)).toEqual(refused);
    expect(await post(query, { 'x-introspect': '1' })).toEqual(allowed);
    expect(validations()).toBe(2);
  });

  it('answers a query it has parsed before, and the same syntax error for the same text', async () => {
    const { post, validations } = gateway();
    expect(await post('{ hello }')).toEqual({ data: { hello: 'hi' } });
    expect(await post('{ hello }')).toEqual({ data: { hello: 'hi' } });
    expect(validations()).toBe(1);
    const broken = await post('{ hello ');
    expect(broken.errors?.[0]?.message).toMatch(/Syntax Error/);
    expect(await post('{ hello ')).toEqual(broken);
  });
});
