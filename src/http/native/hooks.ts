// What the plugins with yoga-level hooks do for a request the native GraphQL path answers. Each such plugin registers
// its native side here, next to its yoga hooks and sharing their core; a plugin with yoga-level hooks that registered
// nothing is unknown, and then the native path stays off (yoga answers everything, as it would without it).
// yoga's own plugins are no-ops for the requests the path takes, by what it takes: no Origin (CORS), a POST to the
// exact GraphQL path (health check, GraphiQL, landing page, method check), a JSON object body (the JSON parser) and an
// Accept its regular processor answers (result processors); its onParams checks run inside getResultForParams.
import type { NodeRequestView } from './requestView.ts';
import type { ExecutionResult } from 'graphql';

/** The response headers a hook may read and set: fetch `Headers` in yoga's hooks, ResponseHeaders on the native path. */
export interface HeaderSink {
  get(name: string): string | null;
  has(name: string): boolean;
  set(name: string, value: string): void;
}

export interface NativeResponse {
  readonly status: number;
  readonly headers: HeaderSink;
}

export interface NativeHooks {
  /** yoga's onRequest/onRequestParse deciding: false sends the request to yoga (it would be refused or answered there). */
  readonly accepts?: (request: NodeRequestView) => boolean;
  /** The native path took the request (yoga's onRequest of a plugin that only observes). */
  readonly onRequest?: (request: NodeRequestView) => void;
  /** yoga's onResultProcess for a single result: the result to send instead. */
  readonly onResult?: (request: NodeRequestView, result: ExecutionResult) => ExecutionResult;
  /** yoga's onResponse: headers to set, things to observe. */
  readonly onResponse?: (request: NodeRequestView, response: NativeResponse) => void;
}

/** Hooks yoga runs outside `getResultForParams` (onParams and onExecutionResult run inside it, on both paths). */
const YOGA_LEVEL_HOOKS = ['onRequest', 'onRequestParse', 'onResultProcess', 'onResponse', 'instrumentation'] as const;

const registered = new WeakMap<object, NativeHooks>();

/** Declares what `plugin`'s yoga-level hooks do on the native path; returns the plugin. */
export function withNativeHooks<P extends object>(plugin: P, hooks: NativeHooks): P {
  registered.set(plugin, hooks);
  return plugin;
}

/** `copy` stands for `original` (a plugin copied with some hooks moved elsewhere): it has the same native side. */
export function carryNativeHooks(original: object, copy: object): void {
  const hooks = registered.get(original);
  if (hooks !== undefined) registered.set(copy, hooks);
}

/**
 * The native hooks of every plugin in the order yoga runs them, or null when one of them has yoga-level hooks it did not
 * register (an unknown plugin could refuse, rewrite or answer requests in ways the native path would skip).
 */
export function nativeHooksOf(plugins: readonly unknown[]): NativeHooks[] | null {
  const hooks: NativeHooks[] = [];
  for (const plugin of plugins) {
    if (typeof plugin !== 'object' || plugin === null) continue;
    const known = registered.get(plugin);
    if (known !== undefined) hooks.push(known);
    else if (YOGA_LEVEL_HOOKS.some((name) => name in plugin)) return null;
  }
  return hooks;
}
