// Child process: the stub exchange's REST side (fixed latency from argv[2] ms), counting calls per path.
import { serveParent } from '../lib/child.ts';
import { stallStart, stallStop } from '../lib/stallProbe.ts';
import { startStubRest } from '../lib/upstream.ts';

const rest = await startStubRest(Number(process.argv[2] ?? '0'));
serveParent(
  { url: rest.url },
  {
    counts: () => rest.counts(),
    total: () => rest.total(),
    reset: () => rest.reset(),
    stallStart: (args) => stallStart({ perRequest: args['perRequest'] !== false }),
    stallStop: () => stallStop(),
  },
  () => rest.close(),
);
