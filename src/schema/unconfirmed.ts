// The description of a field served by an endpoint the table marks `unconfirmed`, read from the table itself.
import { endpoints, type EndpointName } from '../exchange/endpoints.ts';

/** `description` plus what a client should know about the endpoint behind it; throws if the row is not unconfirmed. */
export function unconfirmedDescription(name: EndpointName, description: string): string {
  const row = endpoints[name];
  // Keeps schema and table in step: a row confirmed later must lose the warning, not keep a stale one.
  if (row.status !== 'unconfirmed') throw new Error(`${name} is not marked unconfirmed in the endpoint table`);
  return (
    `${description} Unconfirmed: \`${row.method} ${row.path}\` is in the exchange reference but in no independent ` +
    'client, so it may not exist or not be open to API keys. If the exchange refuses it (401, 403, 404), the field ' +
    'fails with `EXCHANGE_ERROR` (ExchangeRejected) carrying `httpStatus` and `exchangeCode` in `extensions`.'
  );
}
