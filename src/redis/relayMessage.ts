// The messages a stream's lease holder publishes on its relay channel, and the filter that delivers a frame once while
// two sources (the relay and an own subscription) overlap during a handover or a split lease.

/** f = a raw exchange frame, r = an interval the holder resumed (JSON), e = an exchange error (JSON). */
export type RelayKind = 'f' | 'r' | 'e';

export interface RelayMessage {
  readonly from: string;
  readonly kind: string;
  readonly payload: string;
}

/** `<replicaId>\n<kind>\n<payload>`: the frame is passed on as the exchange sent it. */
export function encodeRelayMessage(replicaId: string, kind: RelayKind, payload: string): string {
  return `${replicaId}\n${kind}\n${payload}`;
}

export function decodeRelayMessage(message: string): RelayMessage | undefined {
  const idEnd = message.indexOf('\n');
  if (idEnd < 0) return undefined;
  return { from: message.slice(0, idEnd), kind: message.charAt(idEnd + 1), payload: message.slice(idEnd + 3) };
}

export type FrameSource = 'local' | 'relay';

/** Frames remembered per stream; two sources overlap by a few frames at most. */
const REMEMBERED = 64;

/** The last frames of one stream and who delivered each (every frame carries its event time, so repeats are copies). */
export class RecentFrames {
  private readonly frames = new Map<string, FrameSource>();

  /** Records a frame; returns the source that delivered the same frame before, if any. */
  remember(frame: string, source: FrameSource): FrameSource | undefined {
    const earlier = this.frames.get(frame);
    if (earlier !== undefined) return earlier;
    this.frames.set(frame, source);
    if (this.frames.size > REMEMBERED) this.frames.delete(this.frames.keys().next().value as string);
    return undefined;
  }
}
