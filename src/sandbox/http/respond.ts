// Writes the exchange's response shapes: JSON, plain text, empty bodies, and its two error formats.
import type { ServerResponse } from 'node:http';
import { SandboxError } from '../engine/errors.ts';
import { stringifyJson } from './json.ts';

type Headers = Readonly<Record<string, string>>;

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Headers = {}): void {
  const body = Buffer.from(stringifyJson(value), 'utf8');
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
  });
  res.end(body);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Headers = {}): void {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Headers = {}): void {
  res.writeHead(status, { ...headers, 'Content-Length': 0 });
  res.end();
}

const SERVER_ERROR = { code: 'SERVER_ERROR', message: 'Internal server error' } as const;

/** SandboxError → its status with `{code,message}` (or plain text when code is null); anything else → masked 500. */
export function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof SandboxError) {
    if (error.code === null) sendText(res, error.status, error.message);
    else sendJson(res, error.status, { code: error.code, message: error.message });
    return;
  }
  sendJson(res, 500, SERVER_ERROR);
}
