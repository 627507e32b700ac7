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

export type CostArgs = Pick<ExecutionArgs, 'schema' | 'document' | 'operationName' | 'variableValues' | 'contextValue'>;

/**
 * Estimates by document, operation and the values of the variables it declares: walking the document costs about a
 * tenth of a small uncached query's CPU (bench B1U profile), and clients repeat the same operation with the same
 * variables. The catalog sizes and the clock (kline rows) also feed an estimate, so one is kept for a second only.
 * A plain Map in insertion order (oldest dropped first), read with one clock check: an LRU's bookkeeping cost more than
 * the rest of the lookup.
 */
const ESTIMATE_TTL_MS = 1_000;
const MAX_ESTIMATES = 2_000;
const estimates = new Map<string, { readonly cost: number; readonly until: number }>();

/** One operation of a document, as estimates are keyed: yoga's parse cache hands out the same DocumentNode per text. */
interface KnownOperation {
  readonly operation: OperationDefinitionNode;
  readonly prefix: string;
  readonly variables: readonly string[];
}
const documents = new WeakMap<
  DocumentNode,
  { readonly id: number; readonly operations: Map<string, KnownOperation> }
>();
let nextDocumentId = 0;

function knownOperation(args: CostArgs): KnownOperation | null {
  let document = documents.get(args.document);
  if (document === undefined) {
    document = { id: nextDocumentId++, operations: new Map() };
    documents.set(args.document, document);
  }
  const name = args.operationName ?? '';
  const known = document.operations.get(name);
  if (known !== undefined) return known;
  const operation = getOperationAST(args.document, args.operationName);
  // A client may send any operation name: only the document's own are remembered.
  if (!operation) return null;
  const added: KnownOperation = {
    operation,
    prefix: `${document.id} ${name} `,
    variables: (operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value),
  };
  document.operations.set(name, added);
  return added;
}

/** The declared variables' values as one string (primitives length-prefixed, anything else as JSON); null if not JSON. */
function valuesKey(names: readonly string[], values: Readonly<Record<string, unknown>>): string | null {
  let key = '';
  for (const name of names) {
    const value = values[name];
    if (typeof value === 'string') key += `s${value.length}:${value}`;
    else if (typeof value === 'number') key += `n${value};`;
    else if (typeof value === 'boolean') key += value ? 't' : 'f';
    else if (value === undefined) key += 'u';
    else if (value === null) key += 'z';
    else {
      try {
        const json = JSON.stringify(value);
        key += `j${json.length}:${json}`;
      } catch {
        return null; // not JSON (a BigInt …): estimated every time
      }
    }
  }
  return key;
}

/**
 * Cost of the operation that will run (its fragments included; directives such as `@skip` are not evaluated, so the
 * estimate is an upper bound). 0 when the document names no runnable operation or its variables do not coerce:
 * execution then fails with graphql's own error before any resolver runs.
 */
export function operationCost(args: CostArgs): number {
  const known = knownOperation(args);
  if (known === null) return 0;
  const values = valuesKey(known.variables, args.variableValues ?? {});
  if (values === null) return estimate(args, known.operation);
  const key = known.prefix + values;
  const now = Date.now();
  const cached = estimates.get(key);
  if (cached !== undefined && now < cached.until) return cached.cost;
  const cost = estimate(args, known.operation);
  estimates.delete(key);
  estimates.set(key, { cost, until: now + ESTIMATE_TTL_MS });
  if (estimates.size > MAX_ESTIMATES) estimates.delete(estimates.keys().next().value as string);
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
