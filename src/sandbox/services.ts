// The sandbox's domain services, shared by handlers, streams and the live flow.
// Each area adds its own field; handlers receive this object.

export interface SandboxServices {
  /** Sandbox clock, epoch ms (injectable for tests). */
  readonly now: () => number;
}
