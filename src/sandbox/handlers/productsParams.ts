// Typed readers over already-parsed handler params, plus limit/offset/sort pagination with the exchange's headers.
import { reply } from '../http/handler.ts';
import { SandboxError } from '../engine/errors.ts';
import type { HandlerReply, HandlerRequest, ParamValue } from '../http/handler.ts';

type Params = HandlerRequest['params'];

/** A missing or mistyped parameter is a framework-level parse failure on the exchange: a plain-text 400, not JSON. */
function parseError(name: string, what: string): SandboxError {
  return new SandboxError(400, null, `failed to parse parameter \`${name}\`: ${what}`);
}

function raw(params: Params, name: string): ParamValue | undefined {
  return params[name];
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = raw(params, name);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw parseError(name, 'expected a string');
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined || value === '') throw parseError(name, 'field is required');
  return value;
}

export function optionalInteger(params: Params, name: string): number | undefined {
  const value = raw(params, name);
  if (value === undefined) return undefined;
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed)) throw parseError(name, 'expected an integer');
  return parsed;
}

export function requiredInteger(params: Params, name: string): number {
  const value = optionalInteger(params, name);
  if (value === undefined) throw parseError(name, 'field is required');
  return value;
}

export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const value = raw(params, name);
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw parseError(name, 'expected a boolean');
}

/** An enum parameter: unknown values are plain-text 400s like the exchange's `Expect a valid enumeration value`. */
export function optionalEnum<T extends string>(params: Params, name: string, values: readonly T[]): T | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) throw parseError(name, 'Expect a valid enumeration value.');
  return value as T;
}

export function requiredEnum<T extends string>(params: Params, name: string, values: readonly T[]): T {
  const value = optionalEnum(params, name, values);
  if (value === undefined) throw parseError(name, 'field is required');
  return value;
}

/** Signed endpoints always carry an account; a null here means the transport routed a public call by mistake. */
export function accountOf(request: HandlerRequest): number {
  if (request.accountId === null) throw new SandboxError(401, 'UNAUTHORIZED', 'Unauthorized');
  return request.accountId;
}

export interface PageOptions {
  readonly defaultLimit?: number;
  readonly maxLimit?: number;
}

/**
 * Sorts rows by `timeOf` (default newest first: the exchange leaves it undocumented and `/trades` is newest-first),
 * applies limit/offset and sets X-PAGE-COUNT / X-CURRENT-PAGE / X-PAGE-SIZE / X-TOTAL.
 */
export function paginate<T, W>(
  params: Params,
  rows: readonly T[],
  timeOf: (row: T) => number,
  toWire: (row: T) => W,
  options: PageOptions = {},
): HandlerReply {
  const maxLimit = options.maxLimit ?? 1000;
  const limit = optionalInteger(params, 'limit') ?? options.defaultLimit ?? 100;
  const offset = optionalInteger(params, 'offset') ?? 0;
  if (limit < 1 || limit > maxLimit) {
    throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', `Limit must be between 1 and ${maxLimit}`);
  }
  if (offset < 0) throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', 'Offset must be non-negative');
  const direction = optionalEnum(params, 'sortDirection', ['Asc', 'Desc'] as const) ?? 'Desc';
  // Stable sort keeps insertion order (= id order) among equal timestamps.
  const sorted = [...rows].sort((a, b) => (direction === 'Asc' ? timeOf(a) - timeOf(b) : timeOf(b) - timeOf(a)));
  const page = sorted.slice(offset, offset + limit).map(toWire);
  const total = rows.length;
  return reply({
    status: 200,
    json: page,
    headers: {
      'X-PAGE-COUNT': String(Math.max(1, Math.ceil(total / limit))),
      'X-CURRENT-PAGE': String(Math.floor(offset / limit) + 1),
      'X-PAGE-SIZE': String(limit),
      'X-TOTAL': String(total),
      'ACCESS-CONTROL-EXPOSE-HEADERS': 'X-PAGE-COUNT, X-CURRENT-PAGE, X-PAGE-SIZE, X-TOTAL',
    },
  });
}

/** Keeps rows inside the `from`/`to` ms window (inclusive) when those filters are present. */
export function withinRange<T>(params: Params, rows: readonly T[], timeOf: (row: T) => number): T[] {
  const from = optionalInteger(params, 'from');
  const to = optionalInteger(params, 'to');
  if (from !== undefined && to !== undefined && from > to) {
    throw new SandboxError(400, 'INVALID_RANGE', 'Invalid range: from is after to');
  }
  return rows.filter((row) => (from === undefined || timeOf(row) >= from) && (to === undefined || timeOf(row) <= to));
}
