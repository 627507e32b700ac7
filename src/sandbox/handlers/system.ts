// Handlers for the system endpoints: status, ping, time (text bodies) and the exchange's wallets.
import { reply } from '../http/handler.ts';
import type { HandlerTable } from '../http/handler.ts';

export const systemHandlers = {
  getStatus: () => ({ status: 'Ok', message: null }),
  ping: () => reply({ status: 200, text: 'pong' }),
  getTime: (request) => reply({ status: 200, text: String(request.now) }),
  getWallets: (_request, services) => services.products.capital.wallets(),
} satisfies Partial<HandlerTable>;
