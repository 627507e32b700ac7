// Endpoint rows for the account side of vaults: mint, redeem, cancel, their history and the unconfirmed NAV queries.
import { endpoint } from '../endpoint.ts';
import type { EmptyResponse, NoParams, UndocumentedResponse } from '../types/common.ts';
import type {
  GetVaultMintHistoryParams,
  GetVaultPendingRedeemsParams,
  GetVaultRedeemHistoryParams,
  VaultMint,
  VaultMintPayload,
  VaultRedeem,
  VaultRedeemCancelPayload,
  VaultRedeemPayload,
} from '../types/vaults.ts';
import { REQ, body, pageParams, query, signed } from './params.ts';

const vaultId = body('vaultId', 'integer', REQ);
const historyParams = [query('subaccountId', 'integer'), query('vaultId', 'integer'), ...pageParams(1000)];

export const vaultEndpoints = {
  vaultMint: endpoint<VaultMintPayload, EmptyResponse>({
    method: 'POST',
    path: '/api/v1/vault/mint',
    auth: signed('vaultMint'),
    params: [
      vaultId,
      body('symbol', 'string', { ...REQ, description: 'Asset deposited into the vault.' }),
      body('quantity', 'decimal', REQ),
      body('autoBorrow', 'boolean'),
      body('autoLendRedeem', 'boolean'),
    ],
    body: 'object',
    response: 'empty',
    rateClass: 'standard',
    status: 'current',
    description: 'Deposits an asset into a vault in exchange for vault tokens.',
  }),
  vaultRedeem: endpoint<VaultRedeemPayload, EmptyResponse>({
    method: 'POST',
    path: '/api/v1/vault/redeem',
    auth: signed('vaultRedeemRequest'),
    params: [vaultId, body('vaultTokenQuantity', 'decimal', { description: 'Omitted = redeem all vault tokens.' })],
    body: 'object',
    response: 'empty',
    rateClass: 'standard',
    status: 'current',
    description: 'Requests redemption of vault tokens; it completes after the vault redeem delay.',
  }),
  cancelVaultRedeem: endpoint<VaultRedeemCancelPayload, EmptyResponse>({
    method: 'DELETE',
    path: '/api/v1/vault/redeem',
    auth: signed('vaultRedeemCancel'),
    params: [vaultId],
    body: 'object',
    response: 'empty',
    rateClass: 'standard',
    status: 'current',
    description: 'Cancels the pending redeem request on a vault.',
  }),
  getVaultMintHistory: endpoint<GetVaultMintHistoryParams, VaultMint[]>({
    method: 'GET',
    path: '/wapi/v1/history/vault/mint',
    auth: signed('vaultMintHistoryQueryAll'),
    params: historyParams,
    body: 'none',
    response: 'json',
    rateClass: 'historical',
    paginated: true,
    status: 'current',
    description: 'Lists the account vault mints.',
  }),
  getVaultRedeemHistory: endpoint<GetVaultRedeemHistoryParams, VaultRedeem[]>({
    method: 'GET',
    path: '/wapi/v1/history/vault/redeem',
    auth: signed('vaultRedeemHistoryQueryAll'),
    params: historyParams,
    body: 'none',
    response: 'json',
    rateClass: 'historical',
    paginated: true,
    status: 'current',
    description: 'Lists the account vault redeem requests and their outcome.',
  }),
  getVaultPendingRedeems: endpoint<GetVaultPendingRedeemsParams, UndocumentedResponse>({
    method: 'GET',
    path: '/api/v1/vault/redeems/pending',
    auth: signed('vaultPendingRedeemsQuery'),
    // The reference writes `q: vaultId` without `?` or `*`; taken as required (it names the vault to inspect).
    params: [query('vaultId', 'integer', REQ)],
    body: 'none',
    response: 'json',
    rateClass: 'standard',
    status: 'unconfirmed',
    // The official Rust client added this endpoint and then removed it as admin-only.
    description: 'Lists pending redeem requests of a vault (unconfirmed; reportedly admin-only).',
  }),
  getVaultNav: endpoint<NoParams, UndocumentedResponse>({
    method: 'GET',
    path: '/api/v1/vault/nav',
    auth: signed('vaultNavQuery'),
    params: [],
    body: 'none',
    response: 'json',
    rateClass: 'standard',
    status: 'unconfirmed',
    description: 'Returns vault net asset value (unconfirmed: only in one third-party test list).',
  }),
} as const;
