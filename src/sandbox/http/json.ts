// Lossless JSON for the sandbox wire: numbers keep their literal text (signing), bigints serialize as bare numbers.

/** A JSON number as written on the wire (`123`, `4294967295`, `1e3`): signed and coerced from this text. */
export class RawNumber {
  constructor(readonly raw: string) {}
}

export type WireValue = string | boolean | null | RawNumber | readonly WireValue[] | WireObject;
export interface WireObject {
  readonly [key: string]: WireValue;
}

export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** Parses JSON text like JSON.parse, but numbers become RawNumber so nothing is rounded. */
export function parseJson(text: string): WireValue {
  let pos = 0;

  // serde_json-style positions make the plain-text 400s read like the exchange's.
  const fail = (what: string): never => {
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    throw new JsonSyntaxError(`${what} at line ${line} column ${column}`);
  };
  const skip = (): void => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };
  const literal = (word: string, value: WireValue): WireValue => {
    if (text.startsWith(word, pos)) {
      pos += word.length;
      return value;
    }
    return fail('expected value');
  };
  const string = (): string => {
    const start = pos;
    pos += 1;
    while (pos < text.length) {
      const ch = text.charCodeAt(pos);
      if (ch === 0x22) {
        pos += 1;
        try {
          return JSON.parse(text.slice(start, pos)) as string;
        } catch {
          return fail('invalid escape');
        }
      }
      if (ch < 0x20) return fail('control character (\\u0000-\\u001F) found while parsing a string');
      pos += ch === 0x5c ? 2 : 1;
    }
    return fail('EOF while parsing a string');
  };
  const value = (depth: number): WireValue => {
    if (depth > 64) fail('recursion limit exceeded');
    skip();
    if (pos >= text.length) return fail('EOF while parsing a value');
    const ch = text[pos];
    if (ch === '"') return string();
    if (ch === '{') return object(depth);
    if (ch === '[') return array(depth);
    if (ch === 't') return literal('true', true);
    if (ch === 'f') return literal('false', false);
    if (ch === 'n') return literal('null', null);
    NUMBER.lastIndex = pos;
    const match = NUMBER.exec(text);
    if (!match) return fail('expected value');
    pos = NUMBER.lastIndex;
    return new RawNumber(match[0]);
  };
  const array = (depth: number): WireValue[] => {
    pos += 1;
    const items: WireValue[] = [];
    skip();
    if (text[pos] === ']') {
      pos += 1;
      return items;
    }
    for (;;) {
      items.push(value(depth + 1));
      skip();
      const ch = text[pos];
      pos += 1;
      if (ch === ']') return items;
      if (ch !== ',') return fail(ch === undefined ? 'EOF while parsing a list' : 'expected `,` or `]`');
    }
  };
  const object = (depth: number): WireObject => {
    pos += 1;
    // A null-prototype object: `__proto__` in a request is just a key.
    const result = Object.create(null) as Record<string, WireValue>;
    skip();
    if (text[pos] === '}') {
      pos += 1;
      return result;
    }
    for (;;) {
      skip();
      if (text[pos] !== '"') return fail(pos >= text.length ? 'EOF while parsing an object' : 'key must be a string');
      const key = string();
      skip();
      if (text[pos] !== ':') return fail('expected `:`');
      pos += 1;
      result[key] = value(depth + 1);
      skip();
      const ch = text[pos];
      pos += 1;
      if (ch === '}') return result;
      if (ch !== ',') return fail(ch === undefined ? 'EOF while parsing an object' : 'expected `,` or `}`');
    }
  };

  const result = value(0);
  skip();
  if (pos < text.length) fail('trailing characters');
  return result;
}

export function isWireObject(value: WireValue | undefined): value is WireObject {
  return typeof value === 'object' && value !== null && !(value instanceof RawNumber) && !Array.isArray(value);
}

/** Compact JSON text of a wire value with numbers exactly as received (nested values in the signing string). */
export function wireToJson(value: WireValue): string {
  if (value instanceof RawNumber) return value.raw;
  if (Array.isArray(value)) return `[${value.map(wireToJson).join(',')}]`;
  if (isWireObject(value)) {
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${wireToJson(value[key] as WireValue)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Plain JS data from a wire value: safe integers and floats become numbers, unsafe integers stay digit strings. */
export function wireToPlain(value: WireValue): unknown {
  if (value instanceof RawNumber) {
    const number = Number(value.raw);
    return Number.isInteger(number) && !Number.isSafeInteger(number) ? value.raw : number;
  }
  if (Array.isArray(value)) return value.map(wireToPlain);
  if (isWireObject(value)) {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) result[key] = wireToPlain(value[key] as WireValue);
    return result;
  }
  return value;
}

const BIGINT_MARK = '\u0000bigint:';

/**
 * JSON.stringify that writes bigint values as bare JSON numbers: the exchange sends RFQ/quote ids above 2^53 as
 * numbers on the WebSocket, and the sandbox must be able to reproduce that.
 */
export function stringifyJson(value: unknown): string {
  let sawBigint = false;
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'bigint') return item;
    sawBigint = true;
    return `${BIGINT_MARK}${item.toString()}`;
  });
  if (text === undefined) return 'null';
  return sawBigint ? text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1') : text;
}
