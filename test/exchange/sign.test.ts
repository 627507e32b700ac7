import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  KeyError,
  loadSigningKey,
  signInstruction,
  signingString,
  signMessage,
  signMessageReference,
} from '../../src/exchange/sign.ts';

const TEST_SECRET = 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=';
const TEST_API_KEY = 'iojj3XQJ8ZX9UtstPLpdcspnCb8dlBIb83SIAbQPb1w=';

describe('the documented signing examples (test key: seed = 32 × 0x01)', () => {
  const key = loadSigningKey(TEST_SECRET);
  const vectors = [
    {
      instruction: 'orderCancel',
      params: { orderId: '28', symbol: 'BTC_USDT' },
      ts: 1614550000000,
      text: 'instruction=orderCancel&orderId=28&symbol=BTC_USDT&timestamp=1614550000000&window=5000',
      sig: '5JNvIFup6BvOx0ITxfxtEn5ac317vAI78vza6AWOyTvrzDTlVnO/T0dQazXuJmS4WJbLnm17ydL4EwqW5+6aBA==',
    },
    {
      instruction: 'orderExecute',
      params: [
        { symbol: 'SOL_USDC_PERP', side: 'Bid', orderType: 'Limit', price: '141', quantity: '12' },
        { symbol: 'SOL_USDC_PERP', side: 'Bid', orderType: 'Limit', price: '140', quantity: '11' },
      ],
      ts: 1750793021519,
      text:
        'instruction=orderExecute&orderType=Limit&price=141&quantity=12&side=Bid&symbol=SOL_USDC_PERP&' +
        'instruction=orderExecute&orderType=Limit&price=140&quantity=11&side=Bid&symbol=SOL_USDC_PERP&' +
        'timestamp=1750793021519&window=5000',
      sig: 'RWDblIEyuTyFXbmOYgWdkRyI1iA3dE5KZum11y2WD2Rn7nxglRXh5tcKvtWPpG+NNSMyZ5kTJWpB0MqUORlhCQ==',
    },
    {
      instruction: 'subscribe',
      params: undefined,
      ts: 1614550000000,
      text: 'instruction=subscribe&timestamp=1614550000000&window=5000',
      sig: 'yswB5uivS+qIvjPNQnZnzehOHlD2VoNq/Gw1ulFrdZAK1efuvzKIO7b+AuYIn+OA5XQ1WTgs0JQoKnK7r+fWDg==',
    },
    {
      instruction: 'balanceQuery',
      params: {},
      ts: 1614550000000,
      text: 'instruction=balanceQuery&timestamp=1614550000000&window=5000',
      sig: 'Z84gQTC7cBU2B7ntts0up1fqeLuPKUdNaYqZ8hMecImH8gBJzdntZ8AedhMlKMqLYysELwKES3SFW+k8i+JuDA==',
    },
    {
      instruction: 'orderQueryAll',
      params: { symbol: 'SOL_USDC', marketType: 'SPOT', limit: 100 },
      ts: 1614550000000,
      text: 'instruction=orderQueryAll&limit=100&marketType=SPOT&symbol=SOL_USDC&timestamp=1614550000000&window=5000',
      sig: 'Fuwj8brOuDJsoZhyfOd2tRbyMfr5SOz6WCTe4Q8B3K5J575Vih6L4crngQXnnT6bXgxVuhVzmgPg+4SkGedrCA==',
    },
  ] as const;

  for (const v of vectors) {
    it(`reproduces ${v.instruction} byte for byte`, () => {
      expect(signingString(v.instruction, v.params, v.ts, 5000)).toBe(v.text);
      const headers = signInstruction(key, v.instruction, v.params, v.ts, 5000);
      expect(headers['X-Signature']).toBe(v.sig);
      expect(headers['X-API-Key']).toBe(TEST_API_KEY);
      expect(headers['X-Timestamp']).toBe(String(v.ts));
      expect(headers['X-Window']).toBe('5000');
    });
  }
});

describe('signing string rules', () => {
  it('renders booleans lowercase, omits null and absent values, keeps decimals verbatim', () => {
    expect(
      signingString(
        'maxOrderQuantity',
        { symbol: 'SOL_USDC', side: 'Bid', autoBorrow: true, price: null, reduceOnly: undefined, quantity: '0.10' },
        1,
        5000,
      ),
    ).toBe(
      'instruction=maxOrderQuantity&autoBorrow=true&quantity=0.10&side=Bid&symbol=SOL_USDC&timestamp=1&window=5000',
    );
  });

  it('sorts keys by byte value', () => {
    expect(signingString('x', { autoLend: false, autoBorrowRepay: true, autoBorrow: true }, 1, 1)).toBe(
      'instruction=x&autoBorrow=true&autoBorrowRepay=true&autoLend=false&timestamp=1&window=1',
    );
  });

  it('writes large integers without exponents', () => {
    expect(signingString('x', { clientId: 4294967295 }, 1, 1)).toBe(
      'instruction=x&clientId=4294967295&timestamp=1&window=1',
    );
  });
});

describe('keys', () => {
  it('accepts a 64-byte secret key and derives the same public key', () => {
    const seed = Buffer.from(TEST_SECRET, 'base64');
    const full = Buffer.concat([seed, Buffer.from(TEST_API_KEY, 'base64')]).toString('base64');
    expect(loadSigningKey(full).apiKey).toBe(TEST_API_KEY);
  });

  it('refuses a BACKPACK_API_KEY that does not match the secret', () => {
    expect(() => loadSigningKey(TEST_SECRET, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=')).toThrow(KeyError);
    expect(() => loadSigningKey(TEST_SECRET, TEST_API_KEY)).not.toThrow();
  });

  it('refuses secrets of the wrong length or encoding', () => {
    expect(() => loadSigningKey('AQID')).toThrow(/32 or 64 bytes/);
    expect(() => loadSigningKey('not base64!')).toThrow(/base64/);
  });

  it('never puts the secret in an error message', () => {
    const messages: string[] = [];
    for (const [secret, apiKey] of [
      [TEST_SECRET, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
      [`${TEST_SECRET}x`, undefined],
    ] as const) {
      try {
        loadSigningKey(secret, apiKey);
      } catch (error) {
        expect(error).toBeInstanceOf(KeyError);
        messages.push((error as Error).message);
      }
    }
    // Both calls must fail: a pass without an error would check nothing.
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).not.toContain(TEST_SECRET);
      expect(message).not.toContain(TEST_SECRET.slice(0, 20));
    }
  });
});

describe('verification with node:crypto', () => {
  const key = loadSigningKey(TEST_SECRET);
  const publicKey = createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(key.apiKey, 'base64')]),
    format: 'der',
    type: 'spki',
  });
  const check = (text: string, sig: string) => verify(null, Buffer.from(text), publicKey, Buffer.from(sig, 'base64'));
  const params = { symbol: 'SOL_USDC', side: 'Bid', orderType: 'Limit', price: '141.5', quantity: '2' };
  const signed = signInstruction(key, 'orderExecute', params, 1700000000000, 5000);

  it('verifies the signed request', () => {
    expect(check(signingString('orderExecute', params, 1700000000000, 5000), signed['X-Signature'])).toBe(true);
  });

  it('fails when a parameter, the timestamp, the window or the instruction changes', () => {
    const sig = signed['X-Signature'];
    expect(check(signingString('orderExecute', { ...params, price: '141.50' }, 1700000000000, 5000), sig)).toBe(false);
    expect(check(signingString('orderExecute', params, 1700000000001, 5000), sig)).toBe(false);
    expect(check(signingString('orderExecute', params, 1700000000000, 6000), sig)).toBe(false);
    expect(check(signingString('orderCancel', params, 1700000000000, 5000), sig)).toBe(false);
  });
});

describe('node:crypto signing matches the tweetnacl reference', () => {
  // Seeded so a failure names a reproducible message: 10,000 random messages (0–255 random bytes each) over 50 random
  // keys. tweetnacl costs ~3–6 ms a signature on a shared 2-core machine, so this test alone takes 30–60 s.
  const random = seededBytes(0x5eed);
  const keys = Array.from({ length: 50 }, () => loadSigningKey(Buffer.from(random(32)).toString('base64')));

  it('signs 10,000 random messages byte-identically', { timeout: 300_000 }, () => {
    let compared = 0;
    for (let i = 0; i < 10_000; i++) {
      const key = keys[i % keys.length] as (typeof keys)[number];
      const length = random(1)[0] as number;
      const message = `instruction=orderExecute&${Buffer.from(random(length)).toString('latin1')}&timestamp=${i}`;
      expect(signMessage(message, key), message).toBe(signMessageReference(message, key));
      compared++;
    }
    expect(compared).toBe(10_000);
  });
});

/** A small deterministic byte generator (xorshift32): test data, not cryptography. */
function seededBytes(seed: number): (n: number) => Uint8Array {
  let state = seed >>> 0 || 1;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      out[i] = state & 0xff;
    }
    return out;
  };
}
