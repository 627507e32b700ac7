// The shape of one row of the endpoint table: everything needed to call, sign, serve and document a REST endpoint.

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** How a parameter is rendered on the wire and in the signing string. */
export type ParamType = 'string' | 'decimal' | 'integer' | 'boolean' | 'enum' | 'object';

export interface ParamDef {
  readonly name: string;
  readonly type: ParamType;
  /** Where the value travels: the query string (GET) or the top-level keys of the JSON body. */
  readonly in: 'query' | 'body';
  readonly required?: boolean;
  /** Allowed wire values for `enum` parameters (open enums still list the known values). */
  readonly values?: readonly string[];
  /** An array parameter, sent as repeated query keys (`marketType=SPOT&marketType=PERP`). */
  readonly repeated?: boolean;
  readonly description?: string;
}

/**
 * `public`: no headers. `signed`: ED25519 with the named instruction.
 * `session`: the exchange documents no API-key instruction (web-session only); the gateway cannot sign these.
 */
export type EndpointAuth =
  | { readonly kind: 'public' }
  | { readonly kind: 'signed'; readonly instruction: string }
  | { readonly kind: 'session' };

/** `standard` shares the 2000/min account budget; `historical` the 30/min one. */
export type RateClass = 'standard' | 'historical';

/** What a success looks like on the wire. */
export type ResponseKind = 'json' | 'text' | 'empty';

/**
 * `current`; `deprecated` (still served); `removed` (kept for completeness); `unconfirmed`: in the reference but in
 * no independent client (official Rust client, ccxt, bbgo, the Python SDK), so it may not exist or not be open to
 * API keys: the REST client reports its 401/403/404 answers as kind `unconfirmedRefused`.
 */
export type EndpointStatus = 'current' | 'deprecated' | 'unconfirmed' | 'removed';

export interface EndpointDef<Req = unknown, Res = unknown> {
  /** Stable camelCase name used by the adapter, the schema and the sandbox (`getMarkets`); the row's key in the table. */
  readonly name: string;
  /** The operationId in the official OpenAPI spec, when the endpoint is in it. */
  readonly operationId?: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly auth: EndpointAuth;
  readonly params: readonly ParamDef[];
  /** `array`: the JSON body is an array of objects (batch orders), each signed with the instruction. */
  readonly body: 'none' | 'object' | 'array';
  /** What a success looks like on the wire; its JSON shape is the `Res` type parameter (tests read it from there). */
  readonly response: ResponseKind;
  readonly rateClass: RateClass;
  /** limit/offset pagination with X-PAGE-COUNT / X-TOTAL headers. */
  readonly paginated?: boolean;
  readonly status: EndpointStatus;
  readonly description: string;
  /** Phantom field carrying the request and response types; never set at run time. */
  readonly __types?: { readonly request: Req; readonly response: Res };
}

/** A row as the table writes it: its `name` is its key in the table, added by `named`. */
type EndpointRow<Req = unknown, Res = unknown> = Omit<EndpointDef<Req, Res>, 'name'>;

/** Declares a row with its request and response types attached (table rows leave `name` to their key). */
export function endpoint<Req, Res>(def: Omit<EndpointDef<Req, Res>, '__types' | 'name'>): EndpointRow<Req, Res>;
export function endpoint<Req, Res>(def: Omit<EndpointDef<Req, Res>, '__types'>): EndpointDef<Req, Res>;
export function endpoint<Req, Res>(def: Omit<EndpointRow<Req, Res>, '__types'>): EndpointRow<Req, Res> {
  return def;
}

/** The table's rows, each with `name` set to its key. */
export function named<T extends Readonly<Record<string, EndpointRow>>>(
  rows: T,
): { readonly [K in keyof T]: T[K] & { readonly name: K } } {
  return Object.fromEntries(Object.entries(rows).map(([name, row]) => [name, { ...row, name }])) as {
    readonly [K in keyof T]: T[K] & { readonly name: K };
  };
}

export type RequestOf<E> = E extends EndpointDef<infer Req, unknown> ? Req : never;
export type ResponseOf<E> = E extends EndpointDef<unknown, infer Res> ? Res : never;
