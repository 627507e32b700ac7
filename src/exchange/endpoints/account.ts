// Endpoint rows for the account: settings, limits, balances, deposits, withdrawals, positions, borrow-lend, 2FA.
import { endpoint } from '../endpoint.ts';
import type {
  AccountConvertDustPayload,
  AccountSummary,
  GetMaxBorrowQuantityParams,
  GetMaxOrderQuantityParams,
  GetMaxWithdrawalQuantityParams,
  MaxBorrowQuantity,
  MaxOrderQuantity,
  MaxWithdrawalQuantity,
  UpdateAccountSettingsRequest,
} from '../types/account.ts';
import type {
  BorrowLendExecutePayload,
  BorrowLendPositionWithMargin,
  GetBorrowLendEstimatedLiquidationPriceParams,
  PositionEstimatedLiquidationPrice,
} from '../types/borrowLend.ts';
import type {
  AccountWithdrawalPayload,
  Balances,
  CreateWithdrawalDelayRequest,
  Deposit,
  DepositAddress,
  GetCollateralParams,
  GetDepositAddressParams,
  GetDepositsParams,
  GetWithdrawalsParams,
  MarginAccountSummary,
  UpdateWithdrawalDelayRequest,
  Withdrawal,
  WithdrawalDelay,
} from '../types/capital.ts';
import type { EmptyResponse, NoParams } from '../types/common.ts';
import { Blockchain, BorrowLendSide, MarketType, Side } from '../types/enums.ts';
import type { FuturePositionWithMargin, GetPositionsParams } from '../types/positions.ts';
import type { IssueTwoFactorTokenPayload, TwoFactorToken } from '../types/user.ts';
import { REQ, SESSION, body, bodyEnum, pageParams, query, queryEnum, signed } from './params.ts';

const withdrawalDelayBody = [
  body('withdrawalDelayHours', 'integer', REQ),
  body('twoFactorToken', 'string', REQ),
];

export const accountEndpoints = {
  getAccount: endpoint<NoParams, AccountSummary>({
    name: 'getAccount', operationId: 'get_account', method: 'GET', path: '/api/v1/account', auth: signed('accountQuery'),
    params: [], body: 'none', response: 'json', responseType: 'AccountSummary', rateClass: 'standard', status: 'current',
    description: 'Returns the account settings, fee tiers and limits.',
  }),
  updateAccountSettings: endpoint<UpdateAccountSettingsRequest, EmptyResponse>({
    name: 'updateAccountSettings', operationId: 'update_account_settings', method: 'PATCH', path: '/api/v1/account',
    auth: signed('accountUpdate'),
    params: [
      body('autoBorrowSettlements', 'boolean'),
      body('autoLend', 'boolean'),
      body('autoRepayBorrows', 'boolean'),
      body('leverageLimit', 'decimal'),
    ],
    body: 'object', response: 'empty', responseType: 'EmptyResponse', rateClass: 'standard', status: 'current',
    description: 'Updates the account auto-lend, auto-repay, settlement-borrow and leverage-limit settings.',
  }),
  convertDust: endpoint<AccountConvertDustPayload, EmptyResponse>({
    name: 'convertDust', operationId: 'convert_dust', method: 'POST', path: '/api/v1/account/convertDust',
    auth: signed('convertDust'),
    params: [body('symbol', 'string', { description: 'Asset to convert; omitted = all dust.' })],
    body: 'object', response: 'empty', responseType: 'EmptyResponse', rateClass: 'standard', status: 'current',
    description: 'Converts small balances (dust) of one or all assets into USDC.',
  }),
  getMaxBorrowQuantity: endpoint<GetMaxBorrowQuantityParams, MaxBorrowQuantity>({
    name: 'getMaxBorrowQuantity', operationId: 'get_max_borrow_quantity', method: 'GET',
    path: '/api/v1/account/limits/borrow', auth: signed('maxBorrowQuantity'),
    params: [query('symbol', 'string', { ...REQ, description: 'Asset symbol.' })],
    body: 'none', response: 'json', responseType: 'MaxBorrowQuantity', rateClass: 'standard', status: 'current',
    description: 'Returns the largest quantity of an asset the account can borrow now.',
  }),
  getMaxOrderQuantity: endpoint<GetMaxOrderQuantityParams, MaxOrderQuantity>({
    name: 'getMaxOrderQuantity', operationId: 'get_max_order_quantity', method: 'GET', path: '/api/v1/account/limits/order',
    auth: signed('maxOrderQuantity'),
    params: [
      query('symbol', 'string', { ...REQ, description: 'Market symbol.' }),
      queryEnum('side', Side, REQ),
      query('price', 'decimal', { description: 'Limit price; omit for a market order.' }),
      query('reduceOnly', 'boolean'),
      query('autoBorrow', 'boolean'),
      query('autoBorrowRepay', 'boolean'),
      query('autoLendRedeem', 'boolean'),
    ],
    body: 'none', response: 'json', responseType: 'MaxOrderQuantity', rateClass: 'standard', status: 'current',
    description: 'Returns the largest order quantity the account can place on a market and side.',
  }),
  getMaxWithdrawalQuantity: endpoint<GetMaxWithdrawalQuantityParams, MaxWithdrawalQuantity>({
    name: 'getMaxWithdrawalQuantity', operationId: 'get_max_withdrawal_quantity', method: 'GET',
    path: '/api/v1/account/limits/withdrawal', auth: signed('maxWithdrawalQuantity'),
    params: [
      query('symbol', 'string', { ...REQ, description: 'Asset symbol.' }),
      query('autoBorrow', 'boolean'),
      query('autoLendRedeem', 'boolean'),
    ],
    body: 'none', response: 'json', responseType: 'MaxWithdrawalQuantity', rateClass: 'standard', status: 'current',
    description: 'Returns the largest quantity of an asset the account can withdraw now.',
  }),
  // Capital
  getBalances: endpoint<NoParams, Balances>({
    name: 'getBalances', operationId: 'get_balances', method: 'GET', path: '/api/v1/capital', auth: signed('balanceQuery'),
    params: [], body: 'none', response: 'json', responseType: 'Balances', rateClass: 'standard', status: 'current',
    description: 'Returns available, locked and staked balances keyed by asset.',
  }),
  getCollateral: endpoint<GetCollateralParams, MarginAccountSummary>({
    name: 'getCollateral', operationId: 'get_collateral', method: 'GET', path: '/api/v1/capital/collateral',
    auth: signed('collateralQuery'), params: [query('subaccountId', 'integer')],
    body: 'none', response: 'json', responseType: 'MarginAccountSummary', rateClass: 'standard', status: 'current',
    description: 'Returns the margin summary of the account: equity, margin fractions and collateral per asset.',
  }),
  getDeposits: endpoint<GetDepositsParams, Deposit[]>({
    name: 'getDeposits', operationId: 'get_deposits', method: 'GET', path: '/wapi/v1/capital/deposits',
    auth: signed('depositQueryAll'),
    params: [
      query('from', 'integer', { description: 'Epoch ms.' }),
      query('to', 'integer', { description: 'Epoch ms.' }),
      ...pageParams(1000),
      query('excludePlatform', 'boolean'),
    ],
    body: 'none', response: 'json', responseType: 'Deposit[]', rateClass: 'standard', status: 'current',
    description: 'Lists the account deposits.',
  }),
  getDepositAddress: endpoint<GetDepositAddressParams, DepositAddress>({
    name: 'getDepositAddress', operationId: 'get_deposit_address', method: 'GET', path: '/wapi/v1/capital/deposit/address',
    auth: signed('depositAddressQuery'), params: [queryEnum('blockchain', Blockchain, REQ)],
    body: 'none', response: 'json', responseType: 'DepositAddress', rateClass: 'standard', status: 'current',
    description: 'Returns the account deposit address on a blockchain.',
  }),
  getWithdrawals: endpoint<GetWithdrawalsParams, Withdrawal[]>({
    name: 'getWithdrawals', operationId: 'get_withdrawals', method: 'GET', path: '/wapi/v1/capital/withdrawals',
    auth: signed('withdrawalQueryAll'),
    params: [
      query('from', 'integer', { description: 'Epoch ms.' }),
      query('to', 'integer', { description: 'Epoch ms.' }),
      ...pageParams(1000),
    ],
    body: 'none', response: 'json', responseType: 'Withdrawal[]', rateClass: 'standard', status: 'current',
    description: 'Lists the account withdrawals.',
  }),
  requestWithdrawal: endpoint<AccountWithdrawalPayload, Withdrawal>({
    name: 'requestWithdrawal', operationId: 'request_withdrawal', method: 'POST', path: '/wapi/v1/capital/withdrawals',
    auth: signed('withdraw'),
    params: [
      body('address', 'string', REQ),
      bodyEnum('blockchain', Blockchain, REQ),
      body('clientId', 'string', { description: 'Caller reference, at most 255 characters.' }),
      body('quantity', 'decimal', REQ),
      body('symbol', 'string', { ...REQ, description: 'Asset symbol.' }),
      body('twoFactorToken', 'string', { description: 'Required unless the address is 2FA-exempt.' }),
      body('autoBorrow', 'boolean'),
      body('autoLendRedeem', 'boolean'),
      body('recipientInformation', 'object', { description: 'Travel-Rule information (snake_case keys).' }),
    ],
    body: 'object', response: 'json', responseType: 'Withdrawal', rateClass: 'standard', status: 'current',
    description: 'Requests a withdrawal of an asset to an address on a blockchain.',
  }),
  getWithdrawalDelay: endpoint<NoParams, WithdrawalDelay>({
    name: 'getWithdrawalDelay', operationId: 'get_withdrawal_delay', method: 'GET', path: '/wapi/v1/capital/withdrawals/delay',
    auth: SESSION, params: [], body: 'none', response: 'json', responseType: 'WithdrawalDelay', rateClass: 'standard',
    status: 'current',
    description: 'Returns the current and pending withdrawal delay; 404 when none is configured.',
  }),
  createWithdrawalDelay: endpoint<CreateWithdrawalDelayRequest, EmptyResponse>({
    name: 'createWithdrawalDelay', operationId: 'create_withdrawal_delay', method: 'POST',
    path: '/wapi/v1/capital/withdrawals/delay', auth: SESSION, params: withdrawalDelayBody,
    body: 'object', response: 'empty', responseType: 'EmptyResponse', rateClass: 'standard', status: 'current',
    description: 'Sets a withdrawal delay in hours (requires a 2FA token); 409 when one already exists.',
  }),
  updateWithdrawalDelay: endpoint<UpdateWithdrawalDelayRequest, WithdrawalDelay>({
    name: 'updateWithdrawalDelay', operationId: 'update_withdrawal_delay', method: 'PATCH',
    path: '/wapi/v1/capital/withdrawals/delay', auth: SESSION, params: withdrawalDelayBody,
    body: 'object', response: 'json', responseType: 'WithdrawalDelay', rateClass: 'standard', status: 'current',
    description: 'Changes the withdrawal delay; the new value applies after the current delay period.',
  }),
  // Positions and borrow-lend
  getPositions: endpoint<GetPositionsParams, FuturePositionWithMargin[]>({
    name: 'getPositions', operationId: 'get_positions', method: 'GET', path: '/api/v1/position', auth: signed('positionQuery'),
    params: [query('symbol', 'string'), queryEnum('marketType', MarketType)],
    body: 'none', response: 'json', responseType: 'FuturePositionWithMargin[]', rateClass: 'standard', status: 'current',
    description: 'Lists the open futures positions of the account.',
  }),
  getBorrowLendPositions: endpoint<NoParams, BorrowLendPositionWithMargin[]>({
    name: 'getBorrowLendPositions', operationId: 'get_borrow_lend_positions', method: 'GET',
    path: '/api/v1/borrowLend/positions', auth: signed('borrowLendPositionQuery'),
    params: [], body: 'none', response: 'json', responseType: 'BorrowLendPositionWithMargin[]', rateClass: 'standard',
    status: 'current',
    description: 'Lists the borrow-lend positions of the account (positive lend, negative borrow).',
  }),
  executeBorrowLend: endpoint<BorrowLendExecutePayload, EmptyResponse>({
    name: 'executeBorrowLend', operationId: 'execute_borrow_lend', method: 'POST', path: '/api/v1/borrowLend',
    auth: signed('borrowLendExecute'),
    params: [
      body('quantity', 'decimal', REQ),
      bodyEnum('side', BorrowLendSide, REQ),
      body('symbol', 'string', { ...REQ, description: 'Asset symbol.' }),
    ],
    body: 'object', response: 'empty', responseType: 'EmptyResponse', rateClass: 'standard', status: 'current',
    description: 'Borrows or lends a quantity of an asset, first repaying or redeeming the opposite side.',
  }),
  getBorrowLendEstimatedLiquidationPrice: endpoint<GetBorrowLendEstimatedLiquidationPriceParams, PositionEstimatedLiquidationPrice>({
    name: 'getBorrowLendEstimatedLiquidationPrice', operationId: 'get_borrow_lend_estimated_liquidation_price',
    method: 'GET', path: '/api/v1/borrowLend/position/liquidationPrice', auth: SESSION,
    params: [
      query('borrow', 'string', { ...REQ, description: 'Base64 of the JSON {quantity, side, symbol} of the hypothetical borrow.' }),
      query('subaccountId', 'integer'),
    ],
    body: 'none', response: 'json', responseType: 'PositionEstimatedLiquidationPrice', rateClass: 'standard',
    status: 'current',
    description: 'Estimates the liquidation price after a hypothetical borrow (web session only).',
  }),
  // User
  issueTwoFactorToken: endpoint<IssueTwoFactorTokenPayload, TwoFactorToken>({
    name: 'issueTwoFactorToken', method: 'POST', path: '/wapi/v1/user/2fa', auth: signed('issueTwoFactorToken'),
    params: [body('app', 'string'), body('email', 'string')],
    body: 'object', response: 'json', responseType: 'TwoFactorToken', rateClass: 'standard', status: 'current',
    description: 'Issues a two-factor token signature (semantics undocumented; presumably for twoFactorToken fields).',
  }),
} as const;
