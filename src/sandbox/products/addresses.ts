// Deterministic, chain-plausible addresses (deposit addresses, exchange wallets, tx hashes) derived by hashing.
import { createHash } from 'node:crypto';

const BASE58_BITCOIN = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE58_RIPPLE = 'rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz';
const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** `count` pseudo-random bytes that depend only on `parts` (so the same account+chain always gets the same address). */
export function derivedBytes(count: number, ...parts: readonly (string | number)[]): Uint8Array {
  const out = new Uint8Array(count);
  let filled = 0;
  for (let block = 0; filled < count; block += 1) {
    const digest = createHash('sha256')
      .update(`${parts.join('|')}#${block}`)
      .digest();
    const take = Math.min(digest.length, count - filled);
    out.set(digest.subarray(0, take), filled);
    filled += take;
  }
  return out;
}

function sha256(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(data).digest());
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function base58(bytes: Uint8Array, alphabet: string = BASE58_BITCOIN): string {
  let value = BigInt(`0x${hex(bytes) || '0'}`);
  let text = '';
  while (value > 0n) {
    text = alphabet.charAt(Number(value % 58n)) + text;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    text = alphabet.charAt(0) + text;
  }
  return text;
}

/** Base58Check as used by Bitcoin-family legacy addresses, Tron and XRP: version ‖ payload ‖ sha256d[0..4]. */
function base58Check(version: readonly number[], payload: Uint8Array, alphabet?: string): string {
  const body = new Uint8Array([...version, ...payload]);
  const checksum = sha256(sha256(body)).subarray(0, 4);
  return base58(new Uint8Array([...body, ...checksum]), alphabet);
}

function bech32Polymod(values: readonly number[]): number {
  const generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ value) >>> 0;
    generators.forEach((generator, i) => {
      if ((top >>> i) & 1) chk = (chk ^ generator) >>> 0;
    });
  }
  return chk;
}

/** Segwit v0 / Cardano-style bech32 with a valid checksum. */
function bech32(hrp: string, data: Uint8Array, witnessVersion: number | null): string {
  const words: number[] = witnessVersion === null ? [] : [witnessVersion];
  let accumulator = 0;
  let bits = 0;
  for (const byte of data) {
    accumulator = (accumulator << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      words.push((accumulator >>> bits) & 31);
    }
  }
  if (bits > 0) words.push((accumulator << (5 - bits)) & 31);
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >>> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  const polymod = bech32Polymod([...expanded, ...words, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = Array.from({ length: 6 }, (_, i) => (polymod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...words, ...checksum].map((w) => BECH32_CHARSET.charAt(w)).join('')}`;
}

const EVM_CHAINS = new Set([
  '0G',
  'Arbitrum',
  'Avalanche',
  'Base',
  'Berachain',
  'Bsc',
  'Ethereum',
  'HyperEVM',
  'Hyperliquid',
  'Linea',
  'Monad',
  'Optimism',
  'Plasma',
  'Polygon',
  'Sei',
  'Stable',
  'Story',
]);

/** Chains whose addresses this module can render; anything else (e.g. `EqualsMoney`, a bank rail) has none. */
export function hasAddressFormat(blockchain: string): boolean {
  return EVM_CHAINS.has(blockchain) || blockchain in NON_EVM;
}

const NON_EVM: Readonly<Record<string, (seed: Uint8Array) => string>> = {
  Solana: (seed) => base58(seed.subarray(0, 32)),
  Eclipse: (seed) => base58(seed.subarray(0, 32)),
  Fogo: (seed) => base58(seed.subarray(0, 32)),
  Bitcoin: (seed) => bech32('bc', seed.subarray(0, 20), 0),
  Litecoin: (seed) => bech32('ltc', seed.subarray(0, 20), 0),
  Cardano: (seed) => bech32('addr', seed.subarray(0, 57), null),
  Dogecoin: (seed) => base58Check([0x1e], seed.subarray(0, 20)),
  BitcoinCash: (seed) => base58Check([0x00], seed.subarray(0, 20)),
  Zcash: (seed) => base58Check([0x1c, 0xb8], seed.subarray(0, 20)),
  Tron: (seed) => base58Check([0x41], seed.subarray(0, 20)),
  XRP: (seed) => base58Check([0x00], seed.subarray(0, 20), BASE58_RIPPLE),
  Aptos: (seed) => `0x${hex(seed.subarray(0, 32))}`,
  Sui: (seed) => `0x${hex(seed.subarray(0, 32))}`,
  Near: (seed) => hex(seed.subarray(0, 32)),
};

/** A plausible address on `blockchain`, fixed for the given derivation parts; null when the chain has no format. */
export function addressFor(blockchain: string, ...parts: readonly (string | number)[]): string | null {
  const seed = derivedBytes(64, blockchain, ...parts);
  if (EVM_CHAINS.has(blockchain)) return `0x${hex(seed.subarray(0, 20))}`;
  const render = NON_EVM[blockchain];
  return render === undefined ? null : render(seed);
}

/** Loose per-chain validation of a withdrawal destination (shape only, no checksum). */
export function looksLikeAddress(blockchain: string, address: string): boolean {
  if (EVM_CHAINS.has(blockchain)) return /^0x[0-9a-fA-F]{40}$/.test(address);
  switch (blockchain) {
    case 'Solana':
    case 'Eclipse':
    case 'Fogo':
      return /^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(address);
    case 'Bitcoin':
      return /^(bc1[02-9ac-hj-np-z]{11,71}|[13][1-9A-HJ-NP-Za-km-z]{25,34})$/.test(address);
    case 'Litecoin':
      return /^(ltc1[02-9ac-hj-np-z]{11,71}|[LM3][1-9A-HJ-NP-Za-km-z]{25,34})$/.test(address);
    case 'Aptos':
    case 'Sui':
      return /^0x[0-9a-fA-F]{1,64}$/.test(address);
    case 'Tron':
      return /^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(address);
    case 'XRP':
      return /^r[1-9A-HJ-NP-Za-km-z]{24,34}$/.test(address);
    default:
      return address.length >= 8 && address.length <= 128 && /^[\w:.-]+$/.test(address);
  }
}

/** A plausible transaction hash for `blockchain` (0x-hex on EVM, base58 signature on Solana-likes, hex elsewhere). */
export function transactionHashFor(blockchain: string, ...parts: readonly (string | number)[]): string {
  const seed = derivedBytes(64, 'tx', blockchain, ...parts);
  if (EVM_CHAINS.has(blockchain)) return `0x${hex(seed.subarray(0, 32))}`;
  if (blockchain === 'Solana' || blockchain === 'Eclipse' || blockchain === 'Fogo') return base58(seed);
  return hex(seed.subarray(0, 32));
}
