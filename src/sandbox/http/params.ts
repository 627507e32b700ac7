// Parses a request's query string or JSON body against the endpoint's ParamDefs, the way the exchange's framework does.
import type { EndpointDef, ParamDef } from '../../exchange/endpoint.ts';
import { SandboxError } from '../engine/errors.ts';
import type { ParamValue } from './handler.ts';
import { isWireObject, JsonSyntaxError, parseJson, RawNumber, wireToJson, wireToPlain } from './json.ts';
import type { WireObject, WireValue } from './json.ts';
import { paramTypeName, payloadTypeName } from './wireNames.ts';

export type Params = Record<string, ParamValue>;

export interface ParsedRequest {
  /** Coerced parameters for the handler (declared ones only). */
  readonly params: Params;
  /** Batch items (`body: 'array'`), coerced the same way. */
  readonly items: readonly Params[];
  /** Exactly what arrived (all keys, undeclared ones too), one group per signed instruction. */
  readonly signed: readonly WireObject[];
}

/** A framework-level failure: plain-text 400, not the JSON error body. */
function plain(message: string): SandboxError {
  return new SandboxError(400, null, message);
}

/** `failed to parse "<Type>": <reason>`: the inner message both query and body errors wrap. */
class ParseFailure extends Error {}

function failure(typeName: string, reason: string): ParseFailure {
  return new ParseFailure(`failed to parse "${typeName}": ${reason}`);
}

function describe(value: WireValue): string {
  return value instanceof RawNumber ? value.raw : wireToJson(value);
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^-?\d+$/;

function coerceText(def: ParamDef, typeName: string, text: string): ParamValue {
  switch (def.type) {
    case 'integer': {
      if (!INTEGER.test(text)) throw failure(typeName, 'invalid digit found in string');
      const number = Number(text);
      // Rust's overflow wording; nothing the sandbox accepts needs integers beyond 2^53.
      if (!Number.isSafeInteger(number)) throw failure(typeName, 'number too large to fit in target type');
      return number;
    }
    case 'boolean':
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw failure(typeName, 'provided string was not `true` or `false`');
    case 'enum':
      if (def.values && !def.values.includes(text)) throw failure(typeName, 'Expect a valid enumeration value.');
      return text;
    case 'decimal':
      if (!DECIMAL.test(text)) throw failure(typeName, 'Invalid decimal: unknown character');
      return text;
    case 'object':
      throw failure(typeName, `Expected input type "object", found "${text}".`);
    case 'string':
      return text;
  }
}

/** One JSON body value: strings go through the same checks as query text; other JSON types must fit the ParamDef. */
function coerceJson(def: ParamDef, typeName: string, value: WireValue): ParamValue {
  if (def.repeated) {
    if (!Array.isArray(value)) throw failure(`[${typeName}]`, `Expected input type "array", found ${describe(value)}.`);
    return value.map((item) => {
      const coerced = coerceJson({ ...def, repeated: false }, typeName, item);
      if (typeof coerced !== 'string')
        throw failure(typeName, `Expected input type "string", found ${describe(item)}.`);
      return coerced;
    });
  }
  if (def.type === 'object') {
    if (!isWireObject(value)) throw failure(typeName, `Expected input type "object", found ${describe(value)}.`);
    return wireToPlain(value) as { readonly [key: string]: unknown };
  }
  if (typeof value === 'string') {
    if (def.type === 'integer' || def.type === 'boolean') {
      throw failure(typeName, `Expected input type "${def.type}", found ${JSON.stringify(value)}.`);
    }
    return coerceText(def, typeName, value);
  }
  if (value instanceof RawNumber) {
    // Decimals and ids written as JSON numbers are accepted and kept as their literal text (nothing is rounded).
    if (def.type === 'decimal' || def.type === 'string' || def.type === 'integer')
      return coerceText(def, typeName, value.raw);
  }
  if (typeof value === 'boolean' && def.type === 'boolean') return value;
  throw failure(
    typeName,
    `Expected input type "${def.type === 'decimal' ? 'string' : def.type}", found ${describe(value)}.`,
  );
}

/** Decoded query pairs grouped by key; repeated keys become arrays (signing and `repeated` params). */
export function queryToWire(search: URLSearchParams): WireObject {
  const result = Object.create(null) as Record<string, WireValue>;
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    result[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return result;
}

function coerceQuery(endpoint: EndpointDef, search: URLSearchParams, into: Params): void {
  for (const def of endpoint.params) {
    if (def.in !== 'query') continue;
    const typeName = paramTypeName(endpoint, def);
    const values = search.getAll(def.name);
    try {
      if (values.length === 0) {
        if (def.required) throw failure(typeName, `Type "${typeName}" expects an input value.`);
        continue;
      }
      if (def.repeated) {
        into[def.name] = values.map((text) => String(coerceText(def, typeName, text)));
      } else {
        // Like the exchange's framework, a repeated key for a single-valued parameter uses the first value.
        into[def.name] = coerceText(def, typeName, values[0] as string);
      }
    } catch (error) {
      if (error instanceof ParseFailure) throw plain(`failed to parse parameter \`${def.name}\`: ${error.message}`);
      throw error;
    }
  }
}

function coerceObject(endpoint: EndpointDef, body: WireObject, payload: string): Params {
  const params: Params = {};
  for (const def of endpoint.params) {
    if (def.in !== 'body') continue;
    const typeName = paramTypeName(endpoint, def);
    const value = body[def.name];
    try {
      // Null and absent are the same thing on the exchange (Option<T>).
      if (value === undefined || value === null) {
        if (def.required) throw failure(typeName, `Type "${typeName}" expects an input value.`);
        continue;
      }
      params[def.name] = coerceJson(def, typeName, value);
    } catch (error) {
      if (error instanceof ParseFailure) {
        throw plain(`Bad Request parse request payload error: ${error.message} (occurred while parsing "${payload}")`);
      }
      throw error;
    }
  }
  return params;
}

function parseBodyText(text: string, payload: string): WireValue {
  // An absent body is read as `{}`: cancel-all style endpoints then report their own missing fields.
  if (text.trim() === '') return Object.create(null) as WireObject;
  try {
    return parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      throw plain(`Bad Request parse request payload error: failed to parse "${payload}": ${error.message}`);
    }
    throw error;
  }
}

/** Parses and validates one request; throws a plain-text SandboxError the way the exchange's framework would. */
export function parseRequest(endpoint: EndpointDef, search: URLSearchParams, bodyText: string): ParsedRequest {
  const query = queryToWire(search);
  const params: Params = {};
  coerceQuery(endpoint, search, params);
  if (endpoint.method === 'GET' || endpoint.body === 'none') {
    return { params, items: [], signed: [query] };
  }

  const payload = payloadTypeName(endpoint);
  const body = parseBodyText(bodyText, payload);
  if (endpoint.body === 'array') {
    if (!Array.isArray(body)) {
      throw plain(
        `Bad Request parse request payload error: failed to parse "[${payload}]": Expected input type "array", found ${describe(body)}.`,
      );
    }
    const items = body.map((item) => {
      if (!isWireObject(item)) {
        throw plain(
          `Bad Request parse request payload error: failed to parse "${payload}": Expected input type "object", found ${describe(item)}.`,
        );
      }
      return item;
    });
    return { params, items: items.map((item) => coerceObject(endpoint, item, payload)), signed: items };
  }
  if (!isWireObject(body)) {
    throw plain(
      `Bad Request parse request payload error: failed to parse "${payload}": Expected input type "object", found ${describe(body)}.`,
    );
  }
  Object.assign(params, coerceObject(endpoint, body, payload));
  // Query pairs on a body endpoint are signed with the body keys (the Rust client's rule; no endpoint uses both).
  return { params, items: [], signed: [{ ...query, ...body }] };
}
