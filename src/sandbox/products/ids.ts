// Id sequences for product records; every kind counts on its own so ids stay stable across unrelated activity.

export class Sequence {
  private next: number;

  constructor(start: number) {
    this.next = start;
  }

  take(): number {
    const id = this.next;
    this.next += 1;
    return id;
  }
}

/**
 * RFQ and quote ids: like the exchange's, numbers above 2^53 (e.g. 113392053149171712), so REST prints them as
 * strings and the WebSocket as bigint-backed bare JSON numbers that naive JSON.parse would round.
 */
export class BigSequence {
  private next: bigint;

  constructor(start: bigint) {
    this.next = start;
  }

  take(): bigint {
    const id = this.next;
    // Steps of 4096 mimic the exchange's sparse, snowflake-like ids without ever colliding.
    this.next += 4096n;
    return id;
  }
}
