// Request identity: an HTTP request's `Authorization: Bearer` or graphql-ws connectionParams → the caller's Principal.
import type { IncomingHttpHeaders } from 'node:http';
import { registerSecret } from '../log.ts';
import { UnauthenticatedError } from './errors.ts';
import { ANONYMOUS, SCOPES, type Principal } from './principal.ts';
import type { Tokens } from './tokens.ts';

/** Fetch `Headers` (yoga's `request.headers`) or node's `IncomingMessage.headers`. */
export type HeaderSource = { get(name: string): string | null } | IncomingHttpHeaders;

export type IdentitySource =
  /** An HTTP request (or a graphql-ws upgrade request). */
  | { readonly headers: HeaderSource }
  /** A graphql-ws connection: `{ authorization: "Bearer …" }` or `{ token: "…" }`, else the upgrade request's header. */
  | {
      readonly connectionParams: Readonly<Record<string, unknown>> | null | undefined;
      readonly headers?: HeaderSource;
    };

export type IdentityPolicy =
  /** No tokens configured: every caller (the bind policy keeps them on loopback) acts as `account`, if any. */
  { readonly mode: 'local'; readonly account: string | null } | { readonly mode: 'tokens'; readonly tokens: Tokens };

export type Identify = (source: IdentitySource) => Principal;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === 'function')
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const value = (headers as IncomingHttpHeaders)[name];
  return Array.isArray(value) ? value[0] : value;
}

function bearer(value: string): string {
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(value.trim());
  if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be `Bearer <gateway token>`.', true);
  return match[1];
}

/** The presented credential, undefined when none was presented; malformed credentials are errors, not "anonymous". */
export function presentedToken(source: IdentitySource): string | undefined {
  if ('connectionParams' in source && source.connectionParams) {
    const params = source.connectionParams;
    const authorization = params['authorization'] ?? params['Authorization'];
    const token = params['token'];
    if (authorization !== undefined) {
      if (typeof authorization !== 'string')
        throw new UnauthenticatedError('connectionParams.authorization must be "Bearer <token>".', true);
      return bearer(authorization);
    }
    if (token !== undefined) {
      if (typeof token !== 'string' || token === '')
        throw new UnauthenticatedError('connectionParams.token must be a string.', true);
      return token;
    }
  }
  const headers = source.headers;
  const authorization = headers ? header(headers, 'authorization') : undefined;
  return authorization === undefined || authorization.trim() === '' ? undefined : bearer(authorization);
}

/**
 * Builds `identify`. Tokens mode: no credential → anonymous, a valid token → its principal, anything else throws
 * UnauthenticatedError (a mistyped token should fail loudly, not silently fall back to public data).
 */
export function createIdentify(policy: IdentityPolicy): Identify {
  if (policy.mode === 'local') {
    const local: Principal =
      policy.account === null ? ANONYMOUS : Object.freeze({ kind: 'local', account: policy.account, scopes: SCOPES });
    return () => local;
  }
  // Tokens are stored hashed, so their text is known only once presented: register it for log scrubbing then (once
  // per configured token, so the set stays bounded by the tokens file).
  const registered = new Set<string>();
  return (source) => {
    const token = presentedToken(source);
    if (token === undefined) return ANONYMOUS;
    const entry = policy.tokens.lookup(token);
    if (!entry) throw new UnauthenticatedError('The gateway token is not recognised.', true);
    if (!registered.has(entry.name)) {
      registered.add(entry.name);
      registerSecret(token);
    }
    return Object.freeze({ kind: 'token', name: entry.name, account: entry.account, scopes: entry.scopes });
  };
}

function isPrincipal(value: unknown): value is Principal {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'anonymous' || kind === 'token' || kind === 'local';
}

/** The parts of a yoga / graphql-ws (via server.ts's getEnveloped) context that identity reads. */
interface IdentityContext {
  readonly principal?: unknown;
  readonly connectionParams?: Readonly<Record<string, unknown>> | null;
  readonly request?: { readonly headers: HeaderSource };
  readonly req?: { readonly headers?: HeaderSource; readonly socket?: { readonly remoteAddress?: string } };
}

/**
 * The principal of a yoga or graphql-ws context: the `principal` the context factory stored, else identified from
 * the connectionParams (graphql-ws) or the request headers (HTTP).
 */
export function identifyContext(identify: Identify, context: object): Principal {
  const ctx = context as IdentityContext;
  if (isPrincipal(ctx.principal)) return ctx.principal;
  const headers = ctx.request?.headers ?? ctx.req?.headers;
  if ('connectionParams' in ctx)
    return identify({ connectionParams: ctx.connectionParams, ...(headers ? { headers } : {}) });
  return identify(headers ? { headers } : { connectionParams: null });
}

/** The peer address of the underlying TCP connection (proxies' X-Forwarded-For is not trusted). */
export function clientAddress(context: object): string {
  return (context as IdentityContext).req?.socket?.remoteAddress ?? 'unknown';
}
