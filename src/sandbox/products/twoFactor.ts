// Two-factor tokens (`POST /wapi/v1/user/2fa`): the sandbox has no second factor, so it issues opaque signed-looking
// tokens and accepts any non-empty `twoFactorToken` where the exchange would require one.
import type { TwoFactorToken } from '../../exchange/types/user.ts';
import { derivedBytes } from './addresses.ts';
import { SandboxError } from '../engine/errors.ts';

export class TwoFactor {
  private issued = 0;

  /** A fresh 64-byte base64 token per call (deterministic by account and call count). */
  issue(accountId: number, app: string | undefined, email: string | undefined): TwoFactorToken {
    this.issued += 1;
    const bytes = derivedBytes(64, '2fa', accountId, app ?? '', email ?? '', this.issued);
    return { signature: Buffer.from(bytes).toString('base64') };
  }

  /** Where the exchange demands a 2FA token (withdrawal delay changes): present and non-empty. */
  require(token: string | undefined): void {
    if (token === undefined || token.trim() === '')
      throw new SandboxError(400, 'INVALID_TWO_FACTOR_CODE', 'Invalid two factor code');
  }
}
