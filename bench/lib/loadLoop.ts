// Background query traffic for the soak: a fixed rate of mixed public queries until stopped or `ms` elapsed.
import autocannon from 'autocannon';

const BODY = JSON.stringify({
  query: '{ markets { symbol ticker { lastPrice } } ticker(symbol: "BTC_USDC") { lastPrice } }',
});

export function autocannonLoad(url: string, rate: number, ms: number): () => Promise<void> {
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  const instance = autocannon(
    {
      url,
      method: 'POST',
      body: BODY,
      headers: { 'content-type': 'application/json' },
      connections: 10,
      overallRate: rate,
      duration: Math.ceil(ms / 1000),
    },
    () => done(),
  );
  return async () => {
    instance.stop();
    await finished;
  };
}
