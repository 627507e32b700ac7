// The sandbox's domain error: what the exchange would answer (HTTP status, error code, message); the HTTP layer sends it.

/** An error the exchange would send: JSON `{code, message}` with an HTTP status, or a plain-text 400 (`code` null). */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}
