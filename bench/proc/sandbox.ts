// Child process: the sandbox exchange with its flow paused (a still book), for the signed-order benchmark.
import { startSandbox } from '../../src/sandbox/index.ts';
import { serveParent } from '../lib/child.ts';

const sandbox = await startSandbox({ seed: 1, flow: { enabled: false } });
const maker = sandbox.accountsByName['maker'];
if (maker === undefined) throw new Error('the sandbox has no maker account');
serveParent(
  { restUrl: sandbox.restUrl, wsUrl: sandbox.wsUrl, apiKey: maker.apiKey, apiSecret: maker.apiSecret },
  {
    requests: () => sandbox.stats.requests(),
    reset: () => sandbox.stats.resetRequests(),
    cpu: () => process.cpuUsage(),
  },
  () => sandbox.close(),
);
