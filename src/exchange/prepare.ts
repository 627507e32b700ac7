// Checks request parameters against an endpoint row and splits them into query, body and the signed group.
import type { EndpointDef, ParamDef } from './endpoint.ts';
import { ExchangeError } from './errors.ts';
import type { SignableParams } from './sign.ts';

export type WireScalar = string | number | boolean;
export type WireValue = WireScalar | readonly WireScalar[] | { readonly [key: string]: unknown };
export type WireParams = Readonly<Record<string, WireValue>>;

export interface PreparedRequest {
  /** Query parameters without null/undefined values; arrays become repeated keys on the wire. */
  readonly query: WireParams;
  /** The JSON body exactly as it will be serialised, or undefined for `body: 'none'` endpoints. */
  readonly body: WireParams | readonly WireParams[] | undefined;
  /** What the signature covers: the query for GETs, the body (one group per batch item) otherwise. */
  readonly signed: SignableParams | readonly SignableParams[];
}

// Decimals travel as strings; a trailing `%` is allowed because trigger quantities may be percentages (`50%`).
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)%?$/;

export function endpointLabel(def: EndpointDef<unknown, unknown>): string {
  return `${def.method} ${def.path}`;
}

function invalid(def: EndpointDef<unknown, unknown>, message: string): ExchangeError {
  return new ExchangeError({ kind: 'invalidRequest', endpoint: endpointLabel(def), message });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Why a single value does not fit the parameter's type, or null when it does. */
function scalarProblem(param: ParamDef, value: unknown): string | null {
  switch (param.type) {
    case 'string':
      return typeof value === 'string' ? null : 'must be a string';
    case 'decimal':
      return typeof value === 'string' && DECIMAL.test(value) ? null : 'must be a decimal string such as "0.10"';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? null : 'must be an integer';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'enum':
      if (typeof value !== 'string') return 'must be a string';
      if (param.values && param.values.length > 0 && !param.values.includes(value)) {
        return `must be one of ${param.values.join(', ')}`;
      }
      return null;
    case 'object':
      return isPlainObject(value) ? null : 'must be an object';
  }
}

/** Each row's parameter names, built on first use (rows are constants). */
const paramNames = new WeakMap<EndpointDef<unknown, unknown>, ReadonlySet<string>>();

function namesOf(def: EndpointDef<unknown, unknown>): ReadonlySet<string> {
  let names = paramNames.get(def);
  if (names === undefined) {
    names = new Set(def.params.map((p) => p.name));
    paramNames.set(def, names);
  }
  return names;
}

/** Validates one parameter group and returns it without null/undefined keys. */
function cleanGroup(def: EndpointDef<unknown, unknown>, group: unknown, where: string): Record<string, WireValue> {
  if (group === undefined || group === null) group = {};
  if (!isPlainObject(group)) throw invalid(def, `${where}parameters must be an object`);
  const known = namesOf(def);
  for (const key of Object.keys(group)) {
    if (!known.has(key)) throw invalid(def, `${where}unknown parameter \`${key}\``);
  }
  const out: Record<string, WireValue> = {};
  for (const param of def.params) {
    const value = group[param.name];
    const absent = value === undefined || value === null || (Array.isArray(value) && value.length === 0);
    if (absent) {
      if (param.required) throw invalid(def, `${where}missing required parameter \`${param.name}\``);
      continue;
    }
    const items: readonly unknown[] = param.repeated && Array.isArray(value) ? value : [value];
    for (const item of items) {
      const problem = scalarProblem(param, item);
      if (problem !== null) throw invalid(def, `${where}parameter \`${param.name}\` ${problem}`);
    }
    out[param.name] = value as WireValue;
  }
  return out;
}

function splitByLocation(def: EndpointDef<unknown, unknown>, group: Record<string, WireValue>) {
  const query: Record<string, WireValue> = {};
  const body: Record<string, WireValue> = {};
  for (const param of def.params) {
    const value = group[param.name];
    if (value === undefined) continue;
    // Endpoints without a body carry everything in the query, whatever the row says.
    if (def.body === 'none' || param.in === 'query') query[param.name] = value;
    else body[param.name] = value;
  }
  return { query, body };
}

/** Throws ExchangeError(kind 'invalidRequest') before anything reaches the network. */
export function prepareRequest(def: EndpointDef<unknown, unknown>, params: unknown): PreparedRequest {
  if (def.body === 'array') {
    if (!Array.isArray(params) || params.length === 0) {
      throw invalid(def, 'expects a non-empty array of items');
    }
    const items = params.map((item: unknown, index) => splitByLocation(def, cleanGroup(def, item, `item ${index}: `)));
    if (items.some((item) => Object.keys(item.query).length > 0)) {
      throw invalid(def, 'batch items cannot carry query parameters');
    }
    const body = items.map((item) => item.body);
    return { query: {}, body, signed: body as readonly SignableParams[] };
  }
  const { query, body } = splitByLocation(def, cleanGroup(def, params, ''));
  if (def.body === 'none') return { query, body: undefined, signed: query as SignableParams };
  // No official endpoint mixes query and body parameters; if one ever does, both are signed as one sorted group.
  return { query, body, signed: { ...query, ...body } as SignableParams };
}

function isEmpty(record: object): boolean {
  for (const _ in record) return false;
  return true;
}

/** `?a=1&b=x&b=y` (URL-encoded; repeated keys for arrays), or '' when there is nothing to send. */
export function encodeQuery(query: WireParams): string {
  // Bodies carry the parameters of every write: most calls have no query at all.
  if (isEmpty(query)) return '';
  const search = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    const items: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const item of items) {
      search.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
