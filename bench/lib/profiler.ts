// CPU profile of a measured window only (startup and warm-up left out): `profileStart` / `profileStop` IPC commands
// of a bench child, written as a .cpuprofile (summarise it with bench/profileSummary.ts).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

let session: Session | undefined;

export async function profileStart(): Promise<void> {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}

/** Writes `<dir>/<name>.cpuprofile` and returns its path. */
export async function profileStop(dir: string, name: string): Promise<string> {
  if (session === undefined) throw new Error('profileStart was not called');
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  session = undefined;
  const file = join(dir, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

let allocations: Session | undefined;

/**
 * Samples every allocation of the window (objects already collected included), for bench/allocationSummary.ts.
 * `survivors`: only what outlived its young generation (promoted to the old one, collected there or still live).
 */
export async function allocationStart(options: { readonly survivors?: boolean } = {}): Promise<void> {
  allocations = new Session();
  allocations.connect();
  await allocations.post('HeapProfiler.enable');
  await allocations.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: options.survivors !== true,
  });
}

/** Writes `<dir>/<name>.heapprofile` and returns its path. */
export async function allocationStop(dir: string, name: string): Promise<string> {
  if (allocations === undefined) throw new Error('allocationStart was not called');
  const { profile } = await allocations.post('HeapProfiler.stopSampling');
  allocations.disconnect();
  allocations = undefined;
  const file = join(dir, `${name}.heapprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return file;
}
