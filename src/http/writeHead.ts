// Makes headers passed to `res.writeHead(status, [message], headers)` visible to `res.getHeaders()`: yoga's node
// adapter sends its headers that way, and layers that look at a response's headers (cache, compression) need them.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Patches `res.writeHead` to apply a headers object with setHeader first; `before(status)` runs after that. */
export function foldWriteHeadHeaders(res: ServerResponse, before: (status: number) => void = () => {}): void {
  const writeHead = res.writeHead.bind(res) as (status: number, message?: string) => ServerResponse;
  res.writeHead = function (status: number, ...rest: unknown[]) {
    const headers = rest.find((arg): arg is OutgoingHttpHeaders => typeof arg === 'object' && arg !== null);
    if (headers !== undefined && !Array.isArray(headers)) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    }
    before(status);
    return writeHead(status, typeof rest[0] === 'string' ? rest[0] : undefined);
  } as typeof res.writeHead;
}
