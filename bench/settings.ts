// Durations and sizes of one `npm run bench`; `--quick` shrinks them for a smoke run.
export interface Settings {
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly rounds: number;
  readonly connections: number;
  /** Subscribers for B4 (fan-out) and B5 (memory). */
  readonly subscribers: number;
  readonly soak: boolean;
  readonly soakMinutes: number;
}

export function settingsFrom(argv: readonly string[]): Settings {
  const quick = argv.includes('--quick');
  const minutes = argv.find((arg) => arg.startsWith('--soak-minutes='));
  return {
    seconds: quick ? 3 : 6,
    warmupSeconds: quick ? 1 : 2,
    rounds: quick ? 1 : 2,
    connections: 50,
    subscribers: quick ? 200 : 1000,
    soak: argv.includes('--soak'),
    soakMinutes: minutes ? Number(minutes.split('=')[1]) : 10,
  };
}
