// The headers of a native-path response: set like a fetch Headers (names case-insensitive), written with writeHead.
import type { OutgoingHttpHeaders } from 'node:http';
import type { HeaderSink } from './hooks.ts';

export class ResponseHeaders implements HeaderSink {
  /** By lower-cased name: the name as first given (yoga writes `Content-Type` so) and the value. */
  private readonly values = new Map<string, [string, string]>();

  constructor(init: Readonly<Record<string, string>>) {
    for (const name in init) this.set(name, init[name] as string);
  }

  get(name: string): string | null {
    return this.values.get(name.toLowerCase())?.[1] ?? null;
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    const key = name.toLowerCase();
    const known = this.values.get(key);
    if (known === undefined) this.values.set(key, [name, value]);
    else known[1] = value;
  }

  toObject(): OutgoingHttpHeaders {
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of this.values.values()) headers[name] = value;
    return headers;
  }
}
