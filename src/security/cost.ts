// The estimated cost of one operation, computed before it runs: every selected field costs 1 and each list multiplies
// its selection by its estimated rows (src/schema/listSize.ts), so nested lists cost what they would fetch.
//
// Why the Pothos complexity plugin: the schema is built with Pothos, so list sizes sit beside the fields as the
// plugin's `complexity` option (derived from arguments and the live catalog through the request context), and the
// estimate runs on the parsed document with the request's variables. graphql-armor's cost rule, used before, has no
// list multipliers (a list of 300 markets cost the same as one); the `@cost`/`@listSize` directives of Hive Gateway and
// Apollo Router price lists the same way but need a gateway runtime that reads them.
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { getOperationAST, Kind, type DocumentNode, type ExecutionArgs } from 'graphql';

export type CostArgs = Pick<ExecutionArgs, 'schema' | 'document' | 'operationName' | 'variableValues' | 'contextValue'>;

/**
 * Cost of the operation that will run (its fragments included; directives such as `@skip` are not evaluated, so the
 * estimate is an upper bound). 0 when the document names no runnable operation or its variables do not coerce:
 * execution then fails with graphql's own error before any resolver runs.
 */
export function operationCost(args: CostArgs): number {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return 0;
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
