// The connection indicator's state: the browser's socket to the gateway, then the gateway's sockets to the exchange.
import { computed, signal } from '@preact/signals';
import type { Client } from '@urql/core';
import { socketState } from '../client.ts';
import { UpstreamStatusDocument } from '../generated/graphql.ts';

const POLL_MS = 500;
/**
 * The gateway re-opens a dropped exchange socket within a few hundred milliseconds, often between two polls; a
 * reconnect seen by its counter is shown for this long so that the blip is visible rather than silently absorbed.
 */
const RECONNECT_VISIBLE_MS = 3_000;

type UpstreamState = 'open' | 'reconnecting' | 'unknown';

const upstream = signal<UpstreamState>('unknown');
const lastReconnectAt = signal(0);
const now = signal(Date.now());

export const connectionLabel = computed((): string => {
  const socket = socketState.value;
  if (socket !== 'connected') return socket;
  if (upstream.value === 'reconnecting' || now.value - lastReconnectAt.value < RECONNECT_VISIBLE_MS) {
    return 'reconnecting';
  }
  return 'connected';
});

/** Why the label says what it says (the tooltip and the line under it). */
export const connectionDetail = computed((): string => {
  const socket = socketState.value;
  if (socket === 'offline') return 'the browser is offline';
  if (socket !== 'connected') return 'gateway socket re-opening';
  if (connectionLabel.value === 'reconnecting') return 'exchange stream re-opening';
  return 'gateway and exchange streams live';
});

/** Polls `streamStatus` (the gateway's exchange sockets) while the page is open. */
export function watchUpstream(client: Client): () => void {
  const reconnectsSeen = new Map<string, number>();
  const poll = async (): Promise<void> => {
    now.value = Date.now();
    const result = await client.query(UpstreamStatusDocument, {}).toPromise();
    const connections = result.data?.streamStatus?.connections ?? null;
    if (connections === null) {
      upstream.value = 'unknown';
      return;
    }
    let reconnected = false;
    for (const connection of connections) {
      const key = connection.kind ?? 'UNKNOWN';
      const count = connection.reconnects ?? 0;
      const seen = reconnectsSeen.get(key);
      if (seen !== undefined && count > seen) reconnected = true;
      reconnectsSeen.set(key, count);
    }
    if (reconnected) lastReconnectAt.value = Date.now();
    upstream.value = connections.every((connection) => connection.state === 'OPEN') ? 'open' : 'reconnecting';
  };
  const timer = setInterval(() => void poll(), POLL_MS);
  void poll();
  return () => clearInterval(timer);
}
