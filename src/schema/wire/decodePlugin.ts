// Pothos plugin: every `Timestamp`, `Decimal` and `ID` output field passes its resolved wire value through the one
// decoder (./decode.ts). A value no known form matches becomes null plus one warning naming the field and endpoint,
// so one odd value never fails the rest of the selection.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { GraphQLError, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { originOf } from '../../exchange/wireJson.ts';
import { decodeDecimal, decodeId, decodeTimestamp, UNDECODABLE, type Decoded } from './decode.ts';

/** Where undecodable values are reported (the gateway's logger; absent in some tests). */
export interface WireWarnings {
  warn(details: object, message: string): void;
}

const DECODERS: Readonly<Record<string, (value: unknown) => Decoded<string>>> = {
  Timestamp: decodeTimestamp,
  Decimal: decodeDecimal,
  ID: decodeId,
};

function rootOf(info: GraphQLResolveInfo): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  return `${info.operation.operation} ${String(path.key)}`;
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return (text ?? String(value)).slice(0, 40);
}

function warningsOf(context: unknown): WireWarnings | undefined {
  if (typeof context !== 'object' || context === null || !('wireWarnings' in context)) return undefined;
  return (context as { wireWarnings?: WireWarnings }).wireWarnings;
}

export class WireDecodePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const type = fieldConfig.type;
    if (type.kind !== 'Scalar') return resolver;
    const scalar = this.buildCache.getTypeConfig(type.ref).name;
    const decode = DECODERS[scalar];
    if (!decode) return resolver;
    const nullable = type.nullable;
    const finish = (value: unknown, parent: unknown, context: Types['Context'], info: GraphQLResolveInfo) => {
      const decoded = decode(value);
      if (decoded !== UNDECODABLE) return decoded;
      const field = `${info.parentType.name}.${info.fieldName}`;
      const endpoint = originOf(parent) ?? rootOf(info);
      warningsOf(context)?.warn({ field, endpoint, value: preview(value) }, `undecodable ${scalar} from the exchange`);
      if (nullable) return null;
      throw new GraphQLError(`${field}: the exchange sent a value that is not a ${scalar}`, {
        extensions: { code: 'UNDECODABLE_WIRE_VALUE' },
      });
    };
    return (parent, args, context, info) => {
      const value: unknown = resolver(parent, args, context, info);
      if (value instanceof Promise) {
        return value.then((resolved: unknown) => finish(resolved, parent, context, info));
      }
      return finish(value, parent, context, info);
    };
  }
}

declare global {
  // Pothos plugins are registered by declaration merging into this namespace.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      wireDecode: WireDecodePlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('wireDecode', WireDecodePlugin);

export const wireDecodePlugin = 'wireDecode' as const;
