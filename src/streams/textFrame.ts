// One complete WebSocket text message as a server sends it: a single final, unmasked frame (RFC 6455: FIN bit and
// opcode 1, then the length in 7 bits, or 126 and 16 bits, or 127 and 64 bits, then the bytes). Built whole so that a
// subscriber's `next` message is one socket write of one buffer holding bytes encoded once per event: `ws` sends a
// string message as a header buffer and the string (encoded per subscriber) in a corked two-chunk write. Under B4's
// load (1000 subscribers) a delivery's CPU fell from 11.5–13.8 to 9.0–9.3 µs, system time included.

const FIN_TEXT = 0x81;

/** A text frame holding `parts` back to back (each already UTF-8: a multi-byte character is never split here). */
export function textFrame(parts: readonly Uint8Array[]): Buffer {
  let length = 0;
  for (const part of parts) length += part.length;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = FIN_TEXT;
  if (header === 2) frame[1] = length;
  else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  let offset = header;
  for (const part of parts) {
    frame.set(part, offset);
    offset += part.length;
  }
  return frame;
}
