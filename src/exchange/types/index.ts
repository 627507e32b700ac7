// Re-exports every wire type and enum of the exchange, by area.
export * from './enums.ts';
export type * from './common.ts';
export type * from './system.ts';
export type * from './assets.ts';
export type * from './markets.ts';
export type * from './marketData.ts';
export type * from './prediction.ts';
export type * from './account.ts';
export type * from './capital.ts';
export type * from './positions.ts';
export type * from './borrowLend.ts';
export type * from './orders.ts';
export type * from './history.ts';
export type * from './rfq.ts';
export type * from './strategies.ts';
export type * from './vaults.ts';
export type * from './user.ts';
