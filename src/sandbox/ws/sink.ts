// How the sandbox's domain publishes WebSocket payloads; the WS server implements it and fans out to subscribers.

export interface StreamSink {
  /**
   * A public stream message, e.g. `publish('depth.SOL_USDC', {e:'depth',…})`. Payloads use the exchange's
   * single-letter keys and µs timestamps. The server derives `depth.200ms.*` etc. itself.
   */
  publish(stream: string, data: object): void;
  /**
   * A private message for one account, e.g. `publishPrivate(7, 'account.orderUpdate', 'SOL_USDC', {…})`.
   * Delivered to that account's subscribers of `account.orderUpdate` and of `account.orderUpdate.SOL_USDC`
   * (symbol null: only the unsuffixed stream, e.g. `account.balanceUpdate`).
   */
  publishPrivate(accountId: number, stream: string, symbol: string | null, data: object): void;
}
