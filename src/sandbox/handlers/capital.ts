// Handlers for capital: deposits, deposit addresses, withdrawals, withdrawal delay, limits, dust and collateral.
import { Blockchain } from '../../exchange/types/enums/capital.ts';
import { reply } from '../http/handler.ts';
import type { HandlerTable } from '../http/handler.ts';
import * as D from '../engine/decimal.ts';
import {
  accountOf,
  optionalBoolean,
  optionalInteger,
  optionalString,
  paginate,
  requiredEnum,
  requiredInteger,
  requiredString,
  withinRange,
} from './productsParams.ts';

export const capitalHandlers = {
  getDeposits: (request, services) => {
    const rows = services.products.capital.depositsOf(
      accountOf(request),
      optionalBoolean(request.params, 'excludePlatform') ?? false,
    );
    return paginate(
      request.params,
      withinRange(request.params, rows, (r) => r.at),
      (r) => r.at,
      (r) => r.wire,
    );
  },
  getDepositAddress: (request, services) =>
    services.products.capital.depositAddress(accountOf(request), requiredString(request.params, 'blockchain')),
  getWithdrawals: (request, services) => {
    const rows = services.products.withdrawals.withdrawalsOf(accountOf(request));
    return paginate(
      request.params,
      withinRange(request.params, rows, (r) => r.at),
      (r) => r.at,
      (r) => ({ ...r.wire }),
    );
  },
  requestWithdrawal: (request, services) => {
    const { params } = request;
    return services.products.withdrawals.request(accountOf(request), {
      address: requiredString(params, 'address'),
      blockchain: requiredEnum(params, 'blockchain', Blockchain),
      symbol: requiredString(params, 'symbol'),
      quantity: requiredString(params, 'quantity'),
      clientId: optionalString(params, 'clientId'),
      autoBorrow: optionalBoolean(params, 'autoBorrow'),
      autoLendRedeem: optionalBoolean(params, 'autoLendRedeem'),
    });
  },
  // Session-only on the exchange (web login + 2FA); the sandbox serves them to signed requests too.
  getWithdrawalDelay: (request, services) => services.products.withdrawals.getDelay(accountOf(request)),
  createWithdrawalDelay: (request, services) => {
    // The account first: an unsigned (session-less) call is a 401, whatever its token.
    const accountId = accountOf(request);
    services.products.twoFactor.require(optionalString(request.params, 'twoFactorToken'));
    services.products.withdrawals.createDelay(accountId, requiredInteger(request.params, 'withdrawalDelayHours'));
    return reply({ status: 200 });
  },
  updateWithdrawalDelay: (request, services) => {
    const accountId = accountOf(request);
    services.products.twoFactor.require(optionalString(request.params, 'twoFactorToken'));
    return services.products.withdrawals.updateDelay(
      accountId,
      requiredInteger(request.params, 'withdrawalDelayHours'),
    );
  },
  getMaxWithdrawalQuantity: (request, services) => {
    const { params } = request;
    const symbol = requiredString(params, 'symbol');
    const autoBorrow = optionalBoolean(params, 'autoBorrow');
    const autoLendRedeem = optionalBoolean(params, 'autoLendRedeem');
    const max = services.products.withdrawals.maxWithdrawal(
      accountOf(request),
      symbol,
      autoBorrow ?? false,
      autoLendRedeem ?? false,
    );
    return {
      maxWithdrawalQuantity: D.toString(max),
      symbol,
      autoBorrow: autoBorrow ?? null,
      autoLendRedeem: autoLendRedeem ?? null,
    };
  },
  convertDust: (request, services) => {
    services.products.dust.convert(accountOf(request), optionalString(request.params, 'symbol'));
    return reply({ status: 200 });
  },
  getDustHistory: (request, services) => {
    const { params } = request;
    const id = optionalInteger(params, 'id');
    const symbol = optionalString(params, 'symbol');
    const rows = services.products.dust
      .rowsOf(accountOf(request))
      .filter((r) => (id === undefined || r.wire.id === id) && (symbol === undefined || r.wire.symbol === symbol));
    return paginate(
      params,
      rows,
      (r) => r.at,
      (r) => r.wire,
    );
  },
  // `subaccountId` is accepted and ignored: sandbox accounts have no subaccounts.
  getCollateral: (request, services) => services.products.collateral.summary(accountOf(request)),
} satisfies Partial<HandlerTable>;
