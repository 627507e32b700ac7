// The contract between the sandbox's transport (HTTP routing, auth, parsing) and its domain handlers.
import type { EndpointName } from '../../exchange/endpoints.ts';
import type { SandboxServices } from '../services.ts';

/** A parameter value after the transport has parsed it against the endpoint's ParamDef. */
export type ParamValue = string | number | boolean | readonly string[] | { readonly [key: string]: unknown };

export interface HandlerRequest {
  readonly name: EndpointName;
  /**
   * Query parameters (GET) or top-level body keys (POST/PATCH/DELETE), coerced by ParamDef type:
   * decimal/string/enum → the exact string sent; integer → number; boolean → boolean; repeated → string[].
   * Absent and null values are not present.
   */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** For `body: 'array'` endpoints (batch orders): each element, coerced the same way. */
  readonly items: readonly Readonly<Record<string, ParamValue>>[];
  /** The authenticated account for signed endpoints; null for public ones. */
  readonly accountId: number | null;
  /** Sandbox clock, epoch ms. */
  readonly now: number;
}

/**
 * What a handler returns. A bare value is sent as JSON with status 200.
 * Use `reply()` for other statuses, text bodies, empty bodies or extra headers (pagination).
 */
export interface HandlerReply {
  readonly __reply: true;
  readonly status: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export function reply(options: Omit<HandlerReply, '__reply'>): HandlerReply {
  return { __reply: true, ...options };
}

export function isReply(value: unknown): value is HandlerReply {
  return typeof value === 'object' && value !== null && (value as { __reply?: unknown }).__reply === true;
}

export type Handler = (request: HandlerRequest, services: SandboxServices) => unknown | HandlerReply;

/** Every endpoint of the table has a handler: the compiler enforces full coverage. */
export type HandlerTable = { readonly [K in EndpointName]: Handler };
