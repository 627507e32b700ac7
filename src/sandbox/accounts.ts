// The sandbox's built-in accounts: deterministic ED25519 keys from the seed, and their starting balances.
import { createHash } from 'node:crypto';
import nacl from 'tweetnacl';
import type { Keyring } from './auth.ts';

export interface SandboxAccount {
  readonly name: string;
  readonly accountId: number;
  /** base64 public key: the `X-API-Key` header. */
  readonly apiKey: string;
  /** base64 of the 32-byte seed, like a Backpack API secret. */
  readonly apiSecret: string;
}

export interface AccountBook {
  readonly accounts: readonly SandboxAccount[];
  readonly accountsByName: Readonly<Record<string, SandboxAccount>>;
  readonly keyring: Keyring;
}

/** The spot inventory the flow needs for the other spot markets: about $10M of each for the maker. */
const ALTCOINS_MAKER: Readonly<Record<string, string>> = {
  USDT: '10000000',
  JUP: '20000000',
  BONK: '500000000000',
  WIF: '10000000',
  PYTH: '80000000',
  JTO: '5000000',
  RAY: '5000000',
  DOGE: '50000000',
  XRP: '4000000',
};

/** A tenth of the maker's, for the taker's sells. */
const ALTCOINS_TAKER: Readonly<Record<string, string>> = {
  USDT: '1000000',
  JUP: '2000000',
  BONK: '50000000000',
  WIF: '1000000',
  PYTH: '8000000',
  JTO: '500000',
  RAY: '500000',
  DOGE: '5000000',
  XRP: '400000',
};

/**
 * Starting balances. `demo` is what a newcomer trades with; `maker`/`taker` drive the live flow (the maker quotes
 * every book, so it is funded far beyond anything a test moves); `alice`/`bob` are for tests.
 */
export const ACCOUNT_FUNDING: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  demo: { USDC: '100000', SOL: '500', BTC: '2', ETH: '25' },
  maker: { USDC: '500000000', SOL: '2000000', BTC: '5000', ETH: '100000', ...ALTCOINS_MAKER },
  taker: { USDC: '50000000', SOL: '200000', BTC: '500', ETH: '10000', ...ALTCOINS_TAKER },
  alice: { USDC: '50000', SOL: '200', BTC: '1', ETH: '10' },
  bob: { USDC: '50000', SOL: '200', BTC: '1', ETH: '10' },
};

export const ACCOUNT_NAMES: readonly string[] = Object.keys(ACCOUNT_FUNDING);

/** Same seed and name, same key pair: printed keys stay valid across restarts. */
export function deriveAccountKey(seed: number, name: string): { apiKey: string; apiSecret: string } {
  const secret = createHash('sha256').update(`backpack-sandbox:${seed}:${name}`).digest();
  const pair = nacl.sign.keyPair.fromSeed(new Uint8Array(secret));
  return { apiKey: Buffer.from(pair.publicKey).toString('base64'), apiSecret: secret.toString('base64') };
}

/** Creates the accounts through `register` (the ledger's createAccount) and indexes their keys. */
export function createAccounts(
  seed: number,
  register: (name: string) => number,
  names: readonly string[] = ACCOUNT_NAMES,
): AccountBook {
  const accounts = names.map((name) => ({ name, accountId: register(name), ...deriveAccountKey(seed, name) }));
  const byKey = new Map(accounts.map((account) => [account.apiKey, account.accountId]));
  return {
    accounts,
    accountsByName: Object.fromEntries(accounts.map((account) => [account.name, account])),
    keyring: { accountIdFor: (apiKey) => byKey.get(apiKey) },
  };
}
