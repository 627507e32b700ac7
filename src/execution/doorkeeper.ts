// Second-sight admission for the response cache: a Bloom filter of recently seen keys (TinyLFU's "doorkeeper"), so a
// response is stored only when its request was seen before, and one-off requests cost a hash and a few bit tests.
//
// Fixed memory whatever the key sizes (16 bits per remembered key); a false positive (about 0.5 % at capacity with
// three probes) only stores a one-off, as every response was stored before. After `capacity` new keys the filter
// starts empty again, like TinyLFU's periodic reset: a key seen once just before a reset needs one more sighting.

const BITS_PER_KEY = 16;
const PROBES = 3;

/** FNV-1a over UTF-16 code units, 32 bits. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A second, independent-enough hash from the first (murmur3's finalizer), for double hashing. */
function remix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // Odd, so the probe sequence never repeats a bit within one key.
  return (h | 1) >>> 0;
}

export class Doorkeeper {
  private readonly bits: Uint32Array;
  private readonly size: number;
  private added = 0;

  /** @param capacity keys remembered before the filter is cleared */
  constructor(private readonly capacity: number) {
    this.size = Math.max(64, Math.ceil((capacity * BITS_PER_KEY) / 32) * 32);
    this.bits = new Uint32Array(this.size / 32);
  }

  /** Whether `key` was seen since the last reset (possibly a false positive); remembers it either way. */
  seenBefore(key: string): boolean {
    const hash = fnv1a(key);
    const first = hash % this.size;
    const step = remix(hash);
    if (this.has(first, step)) return true;
    if (this.added >= this.capacity) this.clear();
    this.added += 1;
    for (let probe = 0, bit = first; probe < PROBES; probe++, bit = (bit + step) % this.size) {
      this.bits[bit >>> 5] = (this.bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
    }
    return false;
  }

  private has(first: number, step: number): boolean {
    for (let probe = 0, bit = first; probe < PROBES; probe++, bit = (bit + step) % this.size) {
      if (((this.bits[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  clear(): void {
    this.bits.fill(0);
    this.added = 0;
  }
}
