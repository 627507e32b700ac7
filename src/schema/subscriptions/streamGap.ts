// `StreamGap`: the in-band notice a lossless subscription receives for an interval it may have missed events in,
// carried by a `gap` field on each event type (additive: existing selections keep working).
import type { StreamGap } from '../../streams/reconcile/types.ts';
import type { BuilderTypes } from '../builder.ts';
import { builder } from '../builder.ts';

export type { StreamGap };

export const StreamGapRef = builder.objectRef<StreamGap>('StreamGap').implement({
  description:
    'The exchange connection behind this subscription was interrupted and the gateway could not recover every ' +
    'event of the interval from the exchange. Events between `from` and `to` may be missing: reload any state ' +
    'derived from this stream (e.g. open orders) with a query.',
  fields: (t) => ({
    stream: t.exposeString('stream', { description: 'The exchange stream, e.g. `account.orderUpdate`.' }),
    from: t.field({
      type: 'Timestamp',
      description: 'Last moment the gateway heard from the exchange before the interruption.',
      resolve: (gap) => gap.from, // epoch ms: the wire decoder turns it into the output form
    }),
    to: t.field({
      type: 'Timestamp',
      description: 'When the gateway subscribed again.',
      resolve: (gap) => gap.to,
    }),
    reason: t.exposeString('reason', { description: 'Why the connection was interrupted, for logs.' }),
  }),
});

/** The `gap` field of an event type: set only on the gap notice itself. */
export function gapField<T extends { readonly gap?: StreamGap }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, T>,
) {
  return t.field({
    type: StreamGapRef,
    nullable: true,
    description:
      'Set only on a gap notice: events of this subscription between `gap.from` and `gap.to` may be missing ' +
      '(the other fields are empty then). Null on every real event.',
    resolve: (value) => value.gap ?? null,
  });
}

/** `value` (built from an almost empty wire payload) marked as the notice for `gap`. */
export const asGapNotice = <T extends object>(value: T, gap: StreamGap): T & { readonly gap: StreamGap } =>
  Object.freeze({ ...value, gap });
