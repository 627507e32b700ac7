// Entry: one GraphQL client for the page, the upstream-status poller, and the app.
import { Provider } from '@urql/preact';
import { render } from 'preact';
import { App } from './App.tsx';
import { createGraphQLClient } from './client.ts';
import { watchUpstream } from './status/connection.ts';
import './styles.css';

const client = createGraphQLClient();
watchUpstream(client);

const root = document.getElementById('app');
if (root !== null) {
  render(
    <Provider value={client}>
      <App />
    </Provider>,
    root,
  );
}
