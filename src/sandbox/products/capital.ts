// Deposits: per-chain deposit addresses, the exchange's wallets, deposit history and the sandbox-only credit path.
import { ACCOUNT_FUNDING } from '../accounts.ts';
import type { Deposit, DepositAddress } from '../../exchange/types/capital.ts';
import { Blockchain } from '../../exchange/types/enums/capital.ts';
import type { DepositSource } from '../../exchange/types/enums/capital.ts';
import type { WalletResponse } from '../../exchange/types/system.ts';
import * as D from '../engine/decimal.ts';
import type { Decimal } from '../engine/decimal.ts';
import { SandboxError } from '../engine/errors.ts';
import { addressFor, hasAddressFormat, transactionHashFor } from './addresses.ts';
import { parsePositive } from './amounts.ts';
import type { ProductContext } from './context.ts';
import { Sequence } from './ids.ts';
import { DAY_MS, naiveDateTime } from './time.ts';

export interface DepositRecord {
  readonly accountId: number;
  readonly at: number;
  readonly wire: Deposit;
}

/** `Ethereum` → `ethereum`, `XRP` → `xRP`, `HyperEVM` → `hyperEVM`: DepositSource is Blockchain with a lower first letter. */
export function depositSourceOf(blockchain: string): DepositSource {
  return `${blockchain.charAt(0).toLowerCase()}${blockchain.slice(1)}` as DepositSource;
}

export function isBlockchain(value: string): value is Blockchain {
  return (Blockchain as readonly string[]).includes(value);
}

export class Capital {
  private readonly deposits: DepositRecord[] = [];
  private readonly depositIds = new Sequence(4_100_000);
  /** Issued deposit address → account, so a withdrawal to it can settle internally. */
  private readonly addressOwners = new Map<string, number>();
  private readonly seeded = new Set<number>();

  constructor(private readonly ctx: ProductContext) {}

  /** Chains with at least one deposit-enabled token in the catalog: the ones that get deposit addresses. */
  supportedChains(): Blockchain[] {
    const chains = new Set<Blockchain>();
    for (const asset of this.ctx.catalog.assetList()) {
      for (const token of asset.tokens) if (token.depositEnabled) chains.add(token.blockchain);
    }
    return Blockchain.filter((chain) => chains.has(chain) && hasAddressFormat(chain));
  }

  /** The exchange's own (hot) wallet per supported chain. */
  wallets(): WalletResponse[] {
    return this.supportedChains().map((blockchain) => ({
      blockchain,
      // supportedChains() only lists chains with an address format.
      address: addressFor(blockchain, 'backpack-exchange-wallet') as string,
    }));
  }

  /** Deterministic per account+chain; 400 for a chain without deposit-enabled tokens. */
  depositAddress(accountId: number, blockchain: string): DepositAddress {
    if (!isBlockchain(blockchain) || !this.supportedChains().includes(blockchain)) {
      throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', `Deposits are not supported on ${blockchain}`);
    }
    const address = addressFor(blockchain, 'deposit', accountId);
    if (address === null) throw new SandboxError(409, 'PRECONDITION_FAILED', 'Deposit address not available');
    this.addressOwners.set(address, accountId);
    return { address };
  }

  /** The account owning an issued deposit address, if any. */
  ownerOf(address: string): number | undefined {
    return this.addressOwners.get(address);
  }

  /**
   * The sandbox-only way to fund an account (exposed as an HTTP route and an in-process method elsewhere).
   * Credits `quantity` of `symbol` to `available` immediately (emitting `balanceUpdate`) and records a `confirmed`
   * deposit: with a blockchain it looks like an on-chain deposit to the account's address on that chain (source =
   * the chain, from/to addresses and a tx hash); without one it is an `administrator` credit with no addresses.
   * Throws 400 for a non-positive quantity or an unknown blockchain; any asset symbol is accepted (open enum).
   */
  creditDeposit(accountId: number, symbol: string, quantity: string, blockchain?: string): Deposit {
    this.ctx.ledger.account(accountId);
    if (!/^[A-Za-z0-9.]{1,32}$/.test(symbol)) throw new SandboxError(400, 'INVALID_ASSET', 'Invalid asset');
    const amount = parsePositive(quantity, this.ctx.catalog.assetDecimals(symbol));
    if (blockchain !== undefined && !isBlockchain(blockchain)) {
      throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', 'Invalid blockchain');
    }
    this.ctx.ledger.credit(accountId, symbol, amount);
    return this.record(accountId, symbol, amount, this.ctx.now(), blockchain ?? null, 'confirmed');
  }

  /** An internal transfer's incoming side (a withdrawal to another account's deposit address). */
  creditInternal(accountId: number, symbol: string, amount: Decimal, fromAddress: string, txHash: string): Deposit {
    this.ctx.ledger.credit(accountId, symbol, amount);
    return this.record(accountId, symbol, amount, this.ctx.now(), null, 'confirmed', {
      source: 'internal',
      fromAddress,
      transactionHash: txHash,
    });
  }

  /**
   * The built-in accounts start with balances (ACCOUNT_FUNDING); their deposit history shows those amounts as
   * confirmed deposits over the preceding days, recorded once on first read so bootstrap order does not matter.
   */
  private ensureSeeded(accountId: number): void {
    if (this.seeded.has(accountId) || !this.ctx.ledger.hasAccount(accountId)) return;
    this.seeded.add(accountId);
    const funding = ACCOUNT_FUNDING[this.ctx.ledger.account(accountId).name];
    if (funding === undefined) return;
    const now = this.ctx.now();
    const entries = Object.entries(funding);
    entries.forEach(([asset, quantity], index) => {
      const chain = this.ctx.catalog.asset(asset)?.tokens.find((token) => token.depositEnabled)?.blockchain ?? null;
      const at = now - (entries.length - index) * DAY_MS + 37 * 60_000 * (index + 1);
      this.record(accountId, asset, D.parse(quantity), at, chain, 'confirmed');
    });
  }

  /** The account's deposits (unsorted; handlers filter, sort and page). */
  depositsOf(accountId: number, excludePlatform = false): DepositRecord[] {
    this.ensureSeeded(accountId);
    return this.deposits.filter(
      (row) =>
        row.accountId === accountId &&
        !(excludePlatform && (row.wire.source === 'administrator' || row.wire.source === 'internal')),
    );
  }

  private record(
    accountId: number,
    symbol: string,
    amount: Decimal,
    at: number,
    blockchain: Blockchain | null,
    status: Deposit['status'],
    overrides: Partial<Deposit> = {},
  ): Deposit {
    const id = this.depositIds.take();
    const toAddress = blockchain === null ? null : (addressFor(blockchain, 'deposit', accountId) ?? null);
    if (toAddress !== null) this.addressOwners.set(toAddress, accountId);
    const wire: Deposit = {
      id,
      toAddress,
      fromAddress: blockchain === null ? null : addressFor(blockchain, 'external-sender', accountId, id),
      source: blockchain === null ? 'administrator' : depositSourceOf(blockchain),
      status,
      transactionHash: blockchain === null ? null : transactionHashFor(blockchain, 'deposit', id),
      symbol,
      quantity: D.toString(amount),
      createdAt: naiveDateTime(at),
      fiatAmount: null,
      fiatCurrency: null,
      institutionBic: null,
      platformMemo: null,
      ...overrides,
    };
    this.deposits.push({ accountId, at, wire });
    return wire;
  }
}
