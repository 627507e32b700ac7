// Which browser origins and Host names the gateway answers: GATEWAY_CORS_ORIGINS and GATEWAY_ALLOWED_HOSTS.
import { ConfigError } from '../config.ts';
import { isLoopbackHost } from './bindPolicy.ts';
import { isProduction, readSetting, type Env } from '../config/settings.ts';

export interface OriginPolicy {
  /** Exact cross-origin sites allowed to call (CORS); `any` only without unauthenticated keys. */
  readonly origins: readonly string[] | 'any';
  /** Dev/sandbox default: any http(s) page served from localhost / 127.x / [::1] may call. */
  readonly loopbackOrigins: boolean;
  /**
   * Host header names accepted (DNS-rebinding defence); null accepts any. Defaults to loopback names when the
   * gateway is bound to loopback, since then no legitimate client reaches it under another name.
   */
  readonly allowedHosts: readonly string[] | null;
}

function hostnameOf(hostHeader: string): string {
  try {
    return new URL(`http://${hostHeader}`).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function normaliseOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`GATEWAY_CORS_ORIGINS: "${text}" is not an origin like https://app.example.com`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash) {
    throw new ConfigError(`GATEWAY_CORS_ORIGINS: "${text}" must be scheme://host[:port] with no path`);
  }
  return url.origin;
}

export function loadOriginPolicy(env: Env, bind: { host: string; unauthenticatedKeys: boolean }): OriginPolicy {
  const listed = readSetting(env, 'GATEWAY_CORS_ORIGINS');
  let origins: readonly string[] | 'any' = [];
  if (listed === '*') {
    if (bind.unauthenticatedKeys) {
      throw new ConfigError(
        'GATEWAY_CORS_ORIGINS=* would let any website use the configured keys through this local-mode gateway; ' +
          'list the origins, or configure GATEWAY_TOKENS_FILE',
      );
    }
    origins = 'any';
  } else if (listed !== undefined) {
    origins = listed
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map(normaliseOrigin);
  }
  const hosts = readSetting(env, 'GATEWAY_ALLOWED_HOSTS');
  const allowedHosts =
    hosts !== undefined
      ? hosts
          .split(',')
          .map((item) => item.trim().toLowerCase())
          .filter((item) => item !== '')
      : isLoopbackHost(bind.host)
        ? ['localhost', '127.0.0.1', '[::1]']
        : null;
  return { origins, loopbackOrigins: !isProduction(env) && listed === undefined, allowedHosts };
}

/** Whether a request's Host header names this gateway (loopback names match all of 127.0.0.0/8 and ::1). */
export function hostAllowed(policy: OriginPolicy, hostHeader: string | null | undefined): boolean {
  if (policy.allowedHosts === null) return true;
  if (!hostHeader) return false;
  // Every request asks about the same one or two Host values: remembered per policy (bounded, since a client picks it).
  let known = hostVerdicts.get(policy);
  if (known === undefined) hostVerdicts.set(policy, (known = new Map()));
  let allowed = known.get(hostHeader);
  if (allowed === undefined) {
    allowed = hostListed(policy.allowedHosts, hostHeader);
    if (known.size >= MAX_REMEMBERED_HOSTS) known.clear();
    known.set(hostHeader, allowed);
  }
  return allowed;
}

const MAX_REMEMBERED_HOSTS = 64;
const hostVerdicts = new WeakMap<OriginPolicy, Map<string, boolean>>();

function hostListed(allowedHosts: readonly string[], hostHeader: string): boolean {
  const name = hostnameOf(hostHeader);
  if (name === '') return false;
  return allowedHosts.some((allowed) => {
    const wanted = hostnameOf(allowed);
    return wanted === name || (isLoopbackHost(wanted) && isLoopbackHost(name));
  });
}

/** Whether a browser page at `origin` may call: same origin as the Host it asked for, listed, or loopback in dev. */
export function originAllowed(policy: OriginPolicy, origin: string, hostHeader: string | null | undefined): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes the opaque "null" origin of sandboxed frames and file: pages
  }
  if (hostHeader && url.host.toLowerCase() === hostHeader.toLowerCase()) return true;
  if (policy.origins === 'any' || policy.origins.includes(url.origin)) return true;
  return (
    policy.loopbackOrigins && (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname)
  );
}
