import { describe, expect, it } from 'vitest';
import { call, expectProblem } from './helpers.ts';

describe('the rate limit', () => {
  it('answers 429 with Retry-After and problem details once a client address is over its limit', async () => {
    const headers = { 'CF-Connecting-IP': '203.0.113.7' };
    let first429: Response | undefined;
    let allowed = 0;
    // The limiter counts per 60-second window: a run that crosses into the next window gets a fresh 1,200.
    for (let i = 0; i < 2500 && !first429; i++) {
      const res = await call('/health', { headers });
      if (res.status === 429) first429 = res;
      else {
        expect(res.status).toBe(200);
        allowed++;
      }
    }
    expect(first429, 'a request over the limit is refused').toBeDefined();
    expect(allowed === 1200 || (allowed > 1200 && allowed <= 2400), `allowed ${allowed}`).toBe(true);
    expect(first429!.headers.get('retry-after')).toBe('60');
    const problem = await expectProblem(first429!, 429, ['GET', '/health']);
    expect(problem.type).toBe('/problems/rate-limited');
    // Another address is not limited by the first one's requests.
    expect((await call('/health', { headers: { 'CF-Connecting-IP': '203.0.113.8' } })).status).toBe(200);
  });
});

describe('requests from this machine', () => {
  it('are not rate limited, so local load tests measure the API', async () => {
    for (let i = 0; i < 1250; i++) {
      const res = await call('/health', { headers: { 'CF-Connecting-IP': '127.0.0.1' } });
      if (res.status !== 200) expect.fail(`request ${i} answered ${res.status}`);
    }
  });
});
