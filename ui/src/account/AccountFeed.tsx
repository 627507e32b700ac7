// Loads the account snapshot and keeps it current; renders the token prompt when the gateway wants a token.
import { useQuery, useSubscription } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { storedToken, storeToken } from '../client.ts';
import { AccountOverviewDocument, BalanceUpdatesDocument, OrderUpdatesDocument } from '../generated/graphql.ts';
import { applyBalanceUpdate, applyOrderUpdate, loadSnapshot } from './store.ts';

function Live() {
  // The handlers fold every event into the store; the hook's own state is only the latest event.
  useSubscription({ query: OrderUpdatesDocument }, (_, data) => {
    applyOrderUpdate(data);
    return data;
  });
  useSubscription({ query: BalanceUpdatesDocument }, (_, data) => {
    applyBalanceUpdate(data);
    return data;
  });
  return null;
}

function TokenPrompt({ message }: { message: string }) {
  const [token, setToken] = useState(storedToken());
  return (
    <form
      class="token-prompt"
      onSubmit={(event) => {
        event.preventDefault();
        storeToken(token);
        location.reload();
      }}
    >
      <p class="muted">{message}</p>
      <input
        type="password"
        name="token"
        placeholder="Gateway token"
        autocomplete="off"
        value={token}
        onInput={(event) => setToken(event.currentTarget.value)}
      />
      <button type="submit">Use token</button>
    </form>
  );
}

/** Renders nothing while the account is available; otherwise says why, with a token field for token mode. */
export function AccountFeed() {
  const [{ data, error }] = useQuery({ query: AccountOverviewDocument });
  const account = data?.account ?? null;
  useEffect(() => {
    if (account !== null) loadSnapshot(account);
  }, [account]);
  if (account !== null) return <Live />;
  if (error === undefined) return null;
  const message = error.graphQLErrors[0]?.message ?? 'The account is unavailable.';
  return <TokenPrompt message={message} />;
}
