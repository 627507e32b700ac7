// GATEWAY_MAX_RESPONSE_BYTES: a result (or one subscription event) whose JSON is larger is replaced by a typed error.
import {
  handleStreamOrSingleExecutionResult,
  type OnExecuteHookResult,
  type OnSubscribeHookResult,
  type Plugin,
} from '@envelop/core';
import { GraphQLError, type ExecutionResult } from 'graphql';

/** The answer would be larger than the gateway sends: its data is dropped, nothing partial is sent. */
export class ResponseTooLargeError extends GraphQLError {
  constructor(bytes: number, maxBytes: number) {
    super(
      `The result is ${bytes} bytes, above the gateway's limit of ${maxBytes}: select fewer fields or fewer rows.`,
      { extensions: { code: 'RESPONSE_TOO_LARGE', bytes, maxBytes } },
    );
    this.name = 'ResponseTooLargeError';
  }
}

/**
 * The operation cost limit refuses what would be large before it runs; this is the backstop for estimates that were
 * low (long strings, an exchange answer far above its estimated rows). Measured as serialized JSON, as it is sent.
 */
export function useResponseSizeLimit(maxBytes: number): Plugin {
  const check = ({ result, setResult }: { result: ExecutionResult; setResult: (r: ExecutionResult) => void }) => {
    const json = JSON.stringify(result);
    const bytes = Buffer.byteLength(json);
    if (bytes > maxBytes) {
      setResult({ errors: [new ResponseTooLargeError(bytes, maxBytes)] });
      return;
    }
    // yoga serializes a clean result with its `stringify` when it has one: these bytes, instead of a second
    // JSON.stringify. Only for this very object: a plugin that replaces the result gets it serialized afresh.
    if (result.errors === undefined && result.extensions === undefined) {
      const measured: SerializedResult = {
        ...result,
        stringify: (value) => (value === measured ? json : JSON.stringify(value)),
      };
      setResult(measured);
    }
  };
  // One hook object for every operation: nothing in it is per operation, and a subscription keeps its hooks alive.
  const executeHooks: OnExecuteHookResult<unknown> = {
    onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, check),
  };
  // Subscription events are framed by graphql-ws, not yoga: measured only.
  const measureOnly = ({ result, setResult }: { result: ExecutionResult; setResult: (r: ExecutionResult) => void }) => {
    const bytes = Buffer.byteLength(JSON.stringify(result));
    if (bytes > maxBytes) setResult({ errors: [new ResponseTooLargeError(bytes, maxBytes)] });
  };
  const subscribeHooks: OnSubscribeHookResult<unknown> = {
    onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, measureOnly),
  };
  return { onExecute: () => executeHooks, onSubscribe: () => subscribeHooks };
}

/** yoga's ExecutionResultWithSerializer: a result that brings its own JSON. */
type SerializedResult = ExecutionResult & { stringify: (value: ExecutionResult) => string };
