// Child process: the gateway under test (createGateway from src/server.ts), configured from the environment.
import { pino } from 'pino';
import { loadConfig } from '../../src/config.ts';
import { createGateway } from '../../src/server.ts';
import { collectedMemory, serveParent } from '../lib/child.ts';
import { profileStart, profileStop } from '../lib/profiler.ts';

const gateway = await createGateway(loadConfig(process.env), { logger: pino({ level: 'silent' }), env: process.env });
serveParent(
  { url: gateway.url },
  {
    memory: () => collectedMemory(),
    rss: () => process.memoryUsage(),
    cpu: () => process.cpuUsage(),
    hub: () => gateway.streams.status(),
    profileStart: () => profileStart(),
    profileStop: (args) => profileStop(String(args['dir']), String(args['name'])),
  },
  () => gateway.close(),
);
