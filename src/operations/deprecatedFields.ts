// graphql_envelop_deprecated_field, counted from a per-document list: @envelop/prometheus walked every request's
// document with a TypeInfo to find deprecated fields and arguments, ~4 % of an uncached query's CPU (bench B1U
// profile), though a document's deprecated fields never change. Same metric name, labels and meaning.
import type { Plugin } from 'graphql-yoga';
import {
  getOperationAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import type { Registry } from 'prom-client';
import { SlottedCounter, type CounterSlot } from './counterSlots.ts';
import type { OperationNameLabels } from './operationNames.ts';

interface DeprecatedUse {
  readonly fieldName: string;
  readonly typeName: string;
}

/** Deprecated fields (and arguments, under their field's name) a document selects, in document order. */
export function deprecatedUses(document: DocumentNode, schema: GraphQLSchema): DeprecatedUse[] {
  const typeInfo = new TypeInfo(schema);
  const found: DeprecatedUse[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument: () => {
        const argument = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        if (field && argument?.deprecationReason != null)
          found.push({ fieldName: argument.name, typeName: field.name });
      },
      Field: () => {
        const field = typeInfo.getFieldDef();
        if (field?.deprecationReason != null)
          found.push({ fieldName: field.name, typeName: typeInfo.getParentType()?.name ?? '' });
      },
    }),
  );
  return found;
}

type CountedLabel = 'operationType' | 'operationName' | 'fieldName' | 'typeName';

/** Counts each deprecated field or argument of every operation that runs (queries, mutations, subscriptions). */
export function useDeprecatedFieldCounter(registry: Registry, names: OperationNameLabels): Plugin {
  const counter = new SlottedCounter({
    name: 'graphql_envelop_deprecated_field',
    help: 'Counts the amount of deprecated fields used in selection sets',
    labelNames: ['operationType', 'operationName', 'fieldName', 'typeName'] as const,
    registers: [registry],
  });
  // Per document: its deprecated uses, and per operation name the counter's slots (no label work per run).
  const known = new WeakMap<
    DocumentNode,
    { uses: readonly DeprecatedUse[]; byOperation: Map<string, CounterSlot<CountedLabel>[]> }
  >();
  const count = (args: ExecutionArgs): void => {
    let entry = known.get(args.document);
    if (entry === undefined) {
      entry = { uses: deprecatedUses(args.document, args.schema), byOperation: new Map() };
      known.set(args.document, entry);
    }
    if (entry.uses.length === 0) return;
    const name = args.operationName ?? '';
    let children = entry.byOperation.get(name);
    if (children === undefined) {
      const operation = getOperationAST(args.document, args.operationName);
      const labels = {
        operationType: operation?.operation ?? '',
        operationName: names.label(args.operationName || operation?.name?.value || 'Anonymous'),
      };
      children = entry.uses.map((use) => counter.slot({ ...labels, ...use }));
      // Only names of the document's own operations are kept (a client may send any name).
      if (operation !== null) entry.byOperation.set(name, children);
    }
    for (const child of children) child.inc();
  };
  return {
    onExecute: ({ args }) => count(args),
    onSubscribe: ({ args }) => count(args),
  };
}
