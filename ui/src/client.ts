// The GraphQL client: urql over HTTP for queries and mutations, graphql-ws for subscriptions, both same-origin.
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { signal } from '@preact/signals';

/** The socket to the gateway as the user experiences it. */
export type SocketState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

const GRAPHQL_PATH = '/graphql';
const TOKEN_KEY = 'backpack-graphql.token';

/** A gateway token for token mode, kept in this browser only (never sent anywhere but the gateway). */
export function storedToken(): string {
  return localStorage.getItem(TOKEN_KEY) ?? '';
}

export function storeToken(token: string): void {
  if (token.trim() === '') localStorage.removeItem(TOKEN_KEY);
  else localStorage.setItem(TOKEN_KEY, token.trim());
}

export const socketState = signal<SocketState>('connecting');

function socketUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${GRAPHQL_PATH}`;
}

/** graphql-ws retries for ever with its own backoff; its events drive the connection indicator. */
function createSocket(token: string): WsClient {
  let everConnected = false;
  const socket = createWsClient({
    url: socketUrl(),
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: false,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
  });
  socket.on('connecting', () => {
    socketState.value = everConnected ? 'reconnecting' : 'connecting';
  });
  socket.on('connected', () => {
    everConnected = true;
    socketState.value = 'connected';
  });
  socket.on('closed', () => {
    socketState.value = navigator.onLine ? 'reconnecting' : 'offline';
  });
  addEventListener('offline', () => (socketState.value = 'offline'));
  return socket;
}

export function createGraphQLClient(): Client {
  const token = storedToken();
  const socket = createSocket(token);
  return new Client({
    url: GRAPHQL_PATH,
    // Every document is fetched explicitly; nothing here benefits from a normalised or document cache.
    requestPolicy: 'network-only',
    fetchOptions: () => (token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe: (sink) => ({ unsubscribe: socket.subscribe(input, sink) }),
          };
        },
      }),
    ],
  });
}
