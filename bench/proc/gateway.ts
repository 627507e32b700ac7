// Child process: the gateway under test (createGateway from src/server.ts), configured from the environment.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.ts';
import { createGateway } from '../../src/server.ts';
import { collectedMemory, serveParent } from '../lib/child.ts';
import { allocationStart, allocationStop, profileStart, profileStop } from '../lib/profiler.ts';
import { stallStart, stallStop } from '../lib/stallProbe.ts';

const gateway = await createGateway(loadConfig(process.env), { logger: pino({ level: 'silent' }), env: process.env });
serveParent(
  { url: gateway.url },
  {
    memory: () => collectedMemory(),
    // Written after forced GC (needs --expose-gc); answers the file's path (bench/idleHeap.ts).
    heapSnapshot: () => {
      collectedMemory();
      return writeHeapSnapshot(join(tmpdir(), `gateway-${process.pid}-${Date.now()}.heapsnapshot`));
    },
    // With the young generation's current size: V8 shrinks it when allocation slows, and RSS dips with it.
    rss: () => ({
      ...process.memoryUsage(),
      newSpace: getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0,
    }),
    cpu: () => process.cpuUsage(),
    hub: () => gateway.streams.status(),
    profileStart: () => profileStart(),
    profileStop: (args) => profileStop(String(args['dir']), String(args['name'])),
    allocationStart: (args) => allocationStart({ survivors: args['survivors'] === true }),
    allocationStop: (args) => allocationStop(String(args['dir']), String(args['name'])),
    stallStart: (args) => stallStart({ perRequest: args['perRequest'] !== false }),
    stallStop: () => stallStop(),
  },
  () => gateway.close(),
);
