// Small constructors for endpoint-table rows: parameters, auth kinds and the shared limit/offset/sort parameters.
import type { EndpointAuth, ParamDef, ParamType } from '../endpoint.ts';
import { SortDirection } from '../types/enums/markets.ts';

interface ParamOptions {
  readonly required?: boolean;
  readonly repeated?: boolean;
  readonly description?: string;
}

type ScalarType = Exclude<ParamType, 'enum'>;

/** Shorthand for `{ required: true }`. */
export const REQ: ParamOptions = { required: true };

function param(
  where: ParamDef['in'],
  name: string,
  type: ParamType,
  values: readonly string[] | undefined,
  options: ParamOptions,
): ParamDef {
  return {
    name,
    type,
    in: where,
    required: options.required ?? false,
    ...(values ? { values } : {}),
    ...(options.repeated ? { repeated: true } : {}),
    ...(options.description ? { description: options.description } : {}),
  };
}

export function query(name: string, type: ScalarType, options: ParamOptions = {}): ParamDef {
  return param('query', name, type, undefined, options);
}

export function queryEnum(name: string, values: readonly string[], options: ParamOptions = {}): ParamDef {
  return param('query', name, 'enum', values, options);
}

export function body(name: string, type: ScalarType, options: ParamOptions = {}): ParamDef {
  return param('body', name, type, undefined, options);
}

export function bodyEnum(name: string, values: readonly string[], options: ParamOptions = {}): ParamDef {
  return param('body', name, 'enum', values, options);
}

export const PUBLIC: EndpointAuth = { kind: 'public' };
/** No API-key instruction is documented; only a web session can call these. */
export const SESSION: EndpointAuth = { kind: 'session' };

export function signed(instruction: string): EndpointAuth {
  return { kind: 'signed', instruction };
}

/** `limit` (default 100) and `offset` (default 0) query parameters. */
export function pageParams(maxLimit: number): readonly ParamDef[] {
  return [
    query('limit', 'integer', { description: `Page size; default 100, max ${maxLimit}.` }),
    query('offset', 'integer', { description: 'Rows to skip; default 0.' }),
  ];
}

export const sortDirection: ParamDef = queryEnum('sortDirection', SortDirection, {
  description: 'Sort order; the default is undocumented.',
});

/** The four spot-margin flags shared by order, RFQ, quote and strategy payloads. */
export const marginFlags: readonly ParamDef[] = [
  body('autoLend', 'boolean'),
  body('autoLendRedeem', 'boolean'),
  body('autoBorrow', 'boolean'),
  body('autoBorrowRepay', 'boolean'),
];
