// A tiny Backpack-compatible WebSocket server for tests: records control frames, verifies private signatures, fans out.
import { createPublicKey, verify } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

export interface RecordedFrame {
  /** 1-based index of the connection that sent it. */
  readonly connection: number;
  readonly method: string;
  readonly params: readonly string[];
  readonly signature?: readonly string[];
  /** For signed frames: ED25519 valid and the timestamp within its window of the server's clock. */
  readonly signatureValid?: boolean;
  readonly timestamp?: number;
}

interface Connection {
  readonly index: number;
  readonly socket: WebSocket;
  readonly streams: Set<string>;
  /** A dead peer: no pongs, no data, control frames ignored; the TCP connection stays up. */
  frozen: boolean;
}

const KNOWN_TYPES =
  /^(bookTicker|depth|kline|liquidation|markPrice|ticker|openInterest|trade|account\.(orderUpdate|positionUpdate|rfqUpdate|balanceUpdate))(\.|$)/;
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function verifySubscribe(signature: readonly string[]): { valid: boolean; timestamp: number } {
  const [apiKey, sig, timestamp, window] = signature;
  const ts = Number(timestamp);
  if (apiKey === undefined || sig === undefined || window === undefined || !Number.isFinite(ts))
    return { valid: false, timestamp: ts };
  try {
    const publicKey = createPublicKey({
      key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(apiKey, 'base64')]),
      format: 'der',
      type: 'spki',
    });
    const message = `instruction=subscribe&timestamp=${timestamp}&window=${window}`;
    const ok = verify(null, Buffer.from(message), publicKey, Buffer.from(sig, 'base64'));
    return { valid: ok && Math.abs(Date.now() - ts) <= Number(window), timestamp: ts };
  } catch {
    return { valid: false, timestamp: ts };
  }
}

export class StubStreamServer {
  readonly frames: RecordedFrame[] = [];
  /** Client protocol pings received (answered unless frozen). */
  pings = 0;
  private readonly live = new Set<Connection>();
  private accepted = 0;

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  static async start(): Promise<StubStreamServer> {
    // autoPong off so a frozen connection can really stop answering.
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1', autoPong: false });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    return new StubStreamServer(server, `ws://127.0.0.1:${port}`);
  }

  /** Connections accepted so far (1 + reconnects). */
  get connections(): number {
    return this.accepted;
  }

  /** Connections currently open. */
  get liveConnections(): number {
    return this.live.size;
  }

  /** Streams subscribed on the newest live connection. */
  currentStreams(): Set<string> {
    let newest: Connection | undefined;
    for (const connection of this.live)
      if (newest === undefined || connection.index > newest.index) newest = connection;
    return new Set(newest?.streams ?? []);
  }

  framesFor(method: string, stream: string): RecordedFrame[] {
    return this.frames.filter((frame) => frame.method === method && frame.params.includes(stream));
  }

  /** A data frame to every live connection subscribed to `stream`; `data` may be raw JSON text (big integers). */
  send(stream: string, data: object | string): void {
    const text = `{"stream":${JSON.stringify(stream)},"data":${typeof data === 'string' ? data : JSON.stringify(data)}}`;
    for (const connection of this.live) if (connection.streams.has(stream)) this.write(connection, text);
  }

  /** Any text to every live connection (malformed frames, error frames). */
  sendRaw(text: string): void {
    for (const connection of this.live) this.write(connection, text);
  }

  /** Makes the current connections dead peers; later connections behave normally. */
  freezeAll(): void {
    for (const connection of this.live) connection.frozen = true;
  }

  /** Drops every connection without a close handshake (what a crashed server or network looks like). */
  terminateAll(): void {
    for (const connection of this.live) connection.socket.terminate();
  }

  async close(): Promise<void> {
    this.terminateAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private write(connection: Connection, text: string): void {
    if (!connection.frozen && connection.socket.readyState === connection.socket.OPEN) connection.socket.send(text);
  }

  private accept(socket: WebSocket): void {
    this.accepted += 1;
    const connection: Connection = { index: this.accepted, socket, streams: new Set(), frozen: false };
    this.live.add(connection);
    socket.on('close', () => this.live.delete(connection));
    socket.on('ping', (payload) => {
      this.pings += 1;
      if (!connection.frozen) socket.pong(payload);
    });
    socket.on('message', (raw) => {
      if (!connection.frozen) this.control(connection, String(raw));
    });
  }

  private control(connection: Connection, text: string): void {
    let frame: { method?: unknown; params?: unknown; signature?: unknown };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      this.write(connection, '{"id":null,"error":{"code":4002,"message":"Parse error"}}');
      return;
    }
    const method = String(frame.method);
    const params = Array.isArray(frame.params) ? frame.params.map(String) : [];
    const signature = Array.isArray(frame.signature) ? frame.signature.map(String) : undefined;
    const check = signature !== undefined ? verifySubscribe(signature) : undefined;
    this.frames.push({
      connection: connection.index,
      method,
      params,
      ...(signature !== undefined
        ? { signature, signatureValid: check?.valid ?? false, timestamp: check?.timestamp ?? 0 }
        : {}),
    });
    if (method === 'UNSUBSCRIBE') {
      for (const stream of params) connection.streams.delete(stream);
      return;
    }
    if (method !== 'SUBSCRIBE') {
      this.write(connection, '{"id":null,"error":{"code":4002,"message":"Parse error"}}');
      return;
    }
    if (params.some((stream) => stream.startsWith('account.')) && check?.valid !== true) {
      this.write(connection, '{"id":null,"error":{"code":4003,"message":"Invalid signature"}}');
      return;
    }
    for (const stream of params) {
      if (KNOWN_TYPES.test(stream)) connection.streams.add(stream);
      else this.write(connection, '{"id":null,"error":{"code":4006,"message":"Invalid stream"}}');
    }
  }
}
