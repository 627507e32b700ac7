// One OpenTelemetry client span per upstream attempt (endpoint, attempt, status): a no-op unless tracing was started
// (src/operations/tracing.ts). Never headers, signatures, keys, parameters or bodies.
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('backpack-graphql/exchange');

export interface AttemptOutcome {
  readonly status?: number;
  /** The failure kind (timeout, network, http …) when the attempt failed. */
  readonly error?: string;
}

/** Starts the attempt's span under the active one; call the returned function once the attempt is over. */
export function startUpstreamSpan(
  method: string,
  path: string,
  endpoint: string,
  attempt: number,
): (outcome: AttemptOutcome) => void {
  const span = tracer.startSpan(`${method} ${path}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'backpack.endpoint': endpoint,
      'backpack.attempt': attempt,
      'http.request.method': method,
      'url.path': path,
    },
  });
  return (outcome) => {
    if (outcome.status !== undefined) span.setAttribute('http.response.status_code', outcome.status);
    if (outcome.error !== undefined) {
      span.setAttribute('error.type', outcome.error);
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };
}
