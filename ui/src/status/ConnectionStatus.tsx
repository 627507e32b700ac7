// Header badge: connected / reconnecting / offline, with the reason on hover.
import { connectionDetail, connectionLabel } from './connection.ts';

export function ConnectionStatus() {
  const label = connectionLabel.value;
  return (
    <div class={`connection connection-${label}`} title={connectionDetail.value}>
      <span class="connection-dot" aria-hidden="true" />
      <span data-testid="connection-status">{label}</span>
    </div>
  );
}
