// Wire shapes of user endpoints (/wapi/v1/user/2fa).

export interface IssueTwoFactorTokenPayload {
  app?: string;
  email?: string;
}

/** Semantics undocumented: presumably the token to pass as `twoFactorToken`. */
export interface TwoFactorToken {
  signature: string;
}
