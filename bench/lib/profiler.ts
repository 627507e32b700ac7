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
