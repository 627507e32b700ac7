// THE declarative endpoint table: every REST endpoint of the exchange, keyed by its stable camelCase name.
// Rows live per area under ./endpoints/ (kept small); this file assembles them and offers lookups.
import { named, type EndpointDef } from './endpoint.ts';
import { accountEndpoints } from './endpoints/account.ts';
import { historyEndpoints } from './endpoints/history.ts';
import { marketEndpoints } from './endpoints/market.ts';
import { tradingEndpoints } from './endpoints/trading.ts';
import { vaultEndpoints } from './endpoints/vaults.ts';

export const endpoints = named({
  ...marketEndpoints,
  ...accountEndpoints,
  ...tradingEndpoints,
  ...historyEndpoints,
  ...vaultEndpoints,
});

export type EndpointName = keyof typeof endpoints;
/** The row of one endpoint, with its request and response types attached. */
export type EndpointOf<N extends EndpointName> = (typeof endpoints)[N];

/** Every row, in table order. */
export const endpointList: readonly EndpointDef[] = Object.values(endpoints);

const byRoute = new Map<string, EndpointDef>(endpointList.map((def) => [`${def.method} ${def.path}`, def]));

/** The row serving `method` + `path` (exact match, no query string), used by the sandbox router. */
export function findEndpoint(method: string, path: string): EndpointDef | undefined {
  return byRoute.get(`${method.toUpperCase()} ${path}`);
}
