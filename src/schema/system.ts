// Exchange status, liveness, server time and the exchange's deposit wallets.
import type { Blockchain } from '../exchange/types/enums/capital.ts';
import type { StatusAndMessage, WalletResponse } from '../exchange/types/system.ts';
import { builder } from './builder.ts';
import { BlockchainEnum, SystemStateEnum } from './enums.ts';

const SystemStatus = builder.objectRef<StatusAndMessage>('SystemStatus').implement({
  description: 'Whether the exchange is operating normally.',
  fields: (t) => ({
    status: t.field({ type: SystemStateEnum, description: '`OK` or `MAINTENANCE`.', resolve: (row) => row.status }),
    message: t.string({
      nullable: true,
      description: 'Operator message, e.g. about maintenance.',
      resolve: (row) => row.message ?? null,
    }),
  }),
});

const Wallet = builder.objectRef<WalletResponse>('Wallet').implement({
  description: 'An exchange-owned wallet address on one blockchain.',
  fields: (t) => ({
    blockchain: t.field({
      type: BlockchainEnum,
      description: 'The chain of the address (UNKNOWN for chains this gateway does not know yet).',
      resolve: (row) => row.blockchain as Blockchain,
    }),
    address: t.exposeString('address', { description: 'The wallet address.' }),
  }),
});

builder.queryFields((t) => ({
  status: t.field({
    type: SystemStatus,
    description: 'Current operating status of the exchange.',
    resolve: (_, __, ctx) => ctx.exchange.call('getStatus', {}),
  }),
  ping: t.string({
    description: 'Liveness check of the exchange; answers `pong`.',
    resolve: async (_, __, ctx) => String(await ctx.exchange.call('ping', {})).trim(),
  }),
  serverTime: t.field({
    type: 'Timestamp',
    description: "The exchange's clock (useful to check client clock skew).",
    resolve: async (_, __, ctx) => String(await ctx.exchange.call('getTime', {})).trim(),
  }),
  wallets: t.field({
    type: [Wallet],
    description: 'Exchange-owned wallet addresses per blockchain.',
    resolve: async (_, __, ctx) => [...((await ctx.exchange.call('getWallets', {})) ?? [])],
  }),
}));
