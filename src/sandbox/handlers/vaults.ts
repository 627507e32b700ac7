// Handlers for vaults: list, NAV history, mint/redeem/cancel, mint/redeem history, pending redeems and NAV.
import { VaultHistoryInterval } from '../../exchange/types/enums/markets.ts';
import * as D from '../engine/decimal.ts';
import { reply } from '../http/handler.ts';
import type { HandlerTable } from '../http/handler.ts';
import {
  accountOf,
  optionalInteger,
  optionalString,
  paginate,
  requiredEnum,
  requiredInteger,
  requiredString,
} from './productsParams.ts';

export const vaultHandlers = {
  getVaults: (_request, services) => services.products.vaults.vaultsWire(),
  getVaultsHistory: (request, services) =>
    services.products.vaults.history(
      requiredEnum(request.params, 'interval', VaultHistoryInterval),
      optionalInteger(request.params, 'vaultId'),
    ),
  // autoBorrow / autoLendRedeem are accepted; mints draw on available balance only.
  vaultMint: (request, services) => {
    const { params } = request;
    services.products.vaults.mint(
      accountOf(request),
      requiredInteger(params, 'vaultId'),
      requiredString(params, 'symbol'),
      requiredString(params, 'quantity'),
    );
    return reply({ status: 200 });
  },
  vaultRedeem: (request, services) => {
    const { params } = request;
    services.products.vaults.requestRedeem(
      accountOf(request),
      requiredInteger(params, 'vaultId'),
      optionalString(params, 'vaultTokenQuantity'),
    );
    return reply({ status: 200 });
  },
  cancelVaultRedeem: (request, services) => {
    services.products.vaults.cancelRedeem(accountOf(request), requiredInteger(request.params, 'vaultId'));
    return reply({ status: 200 });
  },
  getVaultMintHistory: (request, services) => {
    const vaultId = optionalInteger(request.params, 'vaultId');
    const rows = services.products.vaults
      .mintsOf(accountOf(request))
      .filter((m) => vaultId === undefined || m.wire.vaultId === vaultId);
    return paginate(
      request.params,
      rows,
      (m) => m.at,
      (m) => m.wire,
    );
  },
  getVaultRedeemHistory: (request, services) => {
    const vaultId = optionalInteger(request.params, 'vaultId');
    const rows = services.products.vaults
      .redeemsOf(accountOf(request))
      .filter((r) => vaultId === undefined || r.vault.id === vaultId);
    return paginate(
      request.params,
      rows,
      (r) => r.at,
      (r) => r.wire,
    );
  },
  // Undocumented shape: the caller's `Requested` redeems on the vault, as VaultRedeem rows.
  getVaultPendingRedeems: (request, services) => {
    const vaults = services.products.vaults;
    const vaultId = requiredInteger(request.params, 'vaultId');
    vaults.vault(vaultId);
    return vaults.pending(accountOf(request), vaultId).map((r) => r.wire);
  },
  // Undocumented shape: one row per vault with the current NAV (asset per vault token) and time in ms.
  getVaultNav: (request, services) => {
    accountOf(request);
    const vaults = services.products.vaults;
    return vaults.specs.map((vault) => ({
      vaultId: vault.id,
      vaultToken: vault.vaultToken,
      symbol: vault.symbol,
      nav: D.toString(vaults.nav(vault, request.now)),
      timestamp: request.now,
    }));
  },
} satisfies Partial<HandlerTable>;
