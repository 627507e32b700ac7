import {
  getNamedType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.ts';

const INSTANT = Date.UTC(2026, 8, 1, 17, 52, 31, 83);
const FORMS: Record<string, unknown> = {
  'number ms': 1788285151083,
  'number µs': 1788285151083000,
  'digit-string ms': '1788285151083',
  'ISO with zone': '2026-09-01T19:52:31.083+02:00',
  'ISO without zone': '2026-09-01T17:52:31.083',
  naive: '2026-09-01 17:52:31.083000',
};

/** A wire row whose every key (at any depth) holds `value`: whatever key a resolver reads, it gets this form. */
function rowOf(value: unknown): object {
  const handler: ProxyHandler<object> = {
    get: (_target, key) => (typeof key === 'symbol' ? undefined : key === 'then' ? undefined : value),
  };
  return new Proxy({}, handler);
}

/** Resolvers that read a nested wire object (`book.depth.timestamp`) get a row whose keys hold rows. */
function nestedRowOf(value: unknown): object {
  return new Proxy(
    {},
    { get: (_target, key) => (typeof key === 'symbol' || key === 'then' ? undefined : rowOf(value)) },
  );
}

function timestampFields(): [GraphQLObjectType, GraphQLField<unknown, unknown>][] {
  const found: [GraphQLObjectType, GraphQLField<unknown, unknown>][] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getSubscriptionType()) continue;
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type).name === 'Timestamp' && field.args.length === 0) found.push([type, field]);
    }
  }
  return found;
}

function infoFor(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): GraphQLResolveInfo {
  return {
    fieldName: field.name,
    parentType: type,
    returnType: field.type,
    path: { prev: undefined, key: field.name, typename: type.name },
    operation: { operation: 'query' },
  } as unknown as GraphQLResolveInfo;
}

describe('every Timestamp field', () => {
  const fields = timestampFields();

  it('finds the Timestamp fields of the schema', () => {
    expect(fields.length).toBeGreaterThan(30);
  });

  for (const [form, value] of Object.entries(FORMS)) {
    it(`reads ${form} as the same instant in every type`, async () => {
      const context = { exchange: { call: () => Promise.resolve(value) } };
      const failures: string[] = [];
      for (const [type, field] of fields) {
        if (!field.resolve) throw new Error(`${type.name}.${field.name} has no resolver`);
        const info = infoFor(type, field);
        let result: unknown = await field.resolve(rowOf(value), {}, context, info);
        if (typeof result !== 'string') result = await field.resolve(nestedRowOf(value), {}, context, info);
        const ms = typeof result === 'string' ? Date.parse(result) : Number.NaN;
        if (ms !== INSTANT) failures.push(`${type.name}.${field.name} → ${String(result)}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
