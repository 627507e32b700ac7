// The estimated cost of one operation, computed before it runs: every selected field costs 1 and each list multiplies
// its selection by its estimated rows (src/schema/listSize.ts), so nested lists cost what they would fetch.
//
// Why the Pothos complexity plugin: the schema is built with Pothos, so list sizes sit beside the fields as the
// plugin's `complexity` option (derived from arguments and the live catalog through the request context), and the
// estimate runs on the parsed document with the request's variables. graphql-armor's cost rule, used before, has no
// list multipliers (a list of 300 markets cost the same as one); the `@cost`/`@listSize` directives of Hive Gateway and
// Apollo Router price lists the same way but need a gateway runtime that reads them.
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { getOperationAST, Kind, type DocumentNode, type ExecutionArgs, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';

export type CostArgs = Pick<ExecutionArgs, 'schema' | 'document' | 'operationName' | 'variableValues' | 'contextValue'>;

/**
 * Estimates by document, operation and the values of the variables it declares: walking the document costs about a
 * tenth of a small uncached query's CPU (bench B1U profile), and clients repeat the same operation with the same
 * variables. The catalog sizes and the clock (kline rows) also feed an estimate, so one is kept for a second only.
 */
const ESTIMATE_TTL_MS = 1_000;
const estimates = new LRUCache<string, number>({ max: 2_000, ttl: ESTIMATE_TTL_MS });
/** yoga's parse cache hands out the same DocumentNode for the same text: its identity names the document. */
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

function estimateKey(args: CostArgs, operation: OperationDefinitionNode): string | null {
  let id = documentIds.get(args.document);
  if (id === undefined) {
    id = nextDocumentId++;
    documentIds.set(args.document, id);
  }
  const values = args.variableValues ?? {};
  const declared: unknown[] = [];
  for (const definition of operation.variableDefinitions ?? []) declared.push(values[definition.variable.name.value]);
  try {
    return `${id} ${args.operationName ?? ''} ${JSON.stringify(declared)}`;
  } catch {
    return null; // not JSON (a BigInt …): estimated every time
  }
}

/**
 * Cost of the operation that will run (its fragments included; directives such as `@skip` are not evaluated, so the
 * estimate is an upper bound). 0 when the document names no runnable operation or its variables do not coerce:
 * execution then fails with graphql's own error before any resolver runs.
 */
export function operationCost(args: CostArgs): number {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return 0;
  const key = estimateKey(args, operation);
  const known = key === null ? undefined : estimates.get(key);
  if (known !== undefined) return known;
  const cost = estimate(args, operation);
  if (key !== null) estimates.set(key, cost);
  return cost;
}

function estimate(args: CostArgs, operation: OperationDefinitionNode): number {
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...args.document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
  };
  try {
    return complexityFromQuery(document, {
      schema: args.schema,
      ctx: args.contextValue as object,
      variables: (args.variableValues ?? {}) as Record<string, unknown>,
    }).complexity;
  } catch {
    return 0;
  }
}
