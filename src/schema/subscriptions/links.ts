// Link fields shared by the live payload types: `market` from the payload's symbol (batched, cached per subscription).
import type { BuilderTypes } from '../builder.ts';
import { MarketRef } from '../market.ts';

type FieldBuilder<T> = PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, T>;

/** The payload's market; the loader lives as long as the subscription's context, so repeats cost a map lookup. */
export function marketLink<T extends { readonly symbol: string }>(t: FieldBuilder<T>) {
  return t.field({
    type: MarketRef,
    nullable: true,
    description: 'The market; null if it is not (or no longer) listed.',
    resolve: (row, _args, ctx) => ctx.loaders.market.load(row.symbol),
  });
}
