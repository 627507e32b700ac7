// The safe default: keys without gateway tokens may only be served on loopback; anything else refuses to start.
import { isIPv4, isIPv6 } from 'node:net';
import { ConfigError } from '../config.ts';

export interface BindPolicyInput {
  /** The interface the server will bind (`HOST`). */
  readonly host: string;
  /** At least one trading account is configured. */
  readonly hasKeys: boolean;
  /** GATEWAY_TOKENS_FILE is configured (callers must authenticate for account data). */
  readonly hasTokens: boolean;
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped ::ffff:127.x) and `localhost`. Wildcards (0.0.0.0, ::, '') are not loopback. */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  if (isIPv6(bare)) {
    const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare)?.[1];
    if (mapped) return isIPv4(mapped) && mapped.startsWith('127.');
    // Normalise ::1 / 0:0:0:0:0:0:0:1 / 0000::0001 by parsing the groups.
    const groups = expandIPv6(bare);
    return groups !== null && groups.slice(0, 7).every((group) => group === 0) && groups[7] === 1;
  }
  return false;
}

function expandIPv6(address: string): number[] | null {
  const [head, tail, extra] = address.split('::');
  if (extra !== undefined) return null;
  const left = head ? head.split(':') : [];
  const right = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const fill = tail !== undefined ? 8 - left.length - right.length : 0;
  const groups = [...left, ...Array<string>(Math.max(fill, 0)).fill('0'), ...right];
  return groups.length === 8 ? groups.map((group) => Number.parseInt(group, 16)) : null;
}

/**
 * Checks where the gateway may listen and returns the line to log at startup. Throws ConfigError when trading keys
 * would be reachable from the network without authentication.
 */
export function checkBindPolicy(input: BindPolicyInput): string {
  const loopback = isLoopbackHost(input.host);
  if (!input.hasKeys) {
    return `No API keys configured: public market data only (listening on ${input.host}).`;
  }
  if (!input.hasTokens) {
    if (!loopback) {
      throw new ConfigError(
        `HOST=${input.host} would let anyone who can reach this port trade and withdraw with the configured keys: ` +
          'no gateway tokens are configured. Either bind to loopback (HOST=127.0.0.1, the default) or require tokens: ' +
          'mint one with `npm run token -- <name> <account> read trade` and set GATEWAY_TOKENS_FILE.',
      );
    }
    return (
      `Local mode: no GATEWAY_TOKENS_FILE, so every caller acts as the configured account with all scopes; ` +
      `listening on loopback only (${input.host}). Set GATEWAY_TOKENS_FILE to serve other machines.`
    );
  }
  return loopback
    ? `Token mode: account data needs a gateway token (listening on ${input.host}).`
    : `Token mode: account data needs a gateway token; listening on ${input.host}. Put TLS in front: bearer tokens ` +
        'must not cross a network in clear text.';
}
