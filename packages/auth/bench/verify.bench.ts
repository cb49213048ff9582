// The cost of verifying one access token, with and without the cache (not a test):
// `npx tsx packages/auth/bench/verify.bench.ts`. Prints µs per verification (mean over the runs).
import { createTokenVerifier, generateSigningKey, jwksOf, signAccessToken } from '../src/index.js';

const RUNS = 5_000;
const key = await generateSigningKey('bench');
const { token } = await signAccessToken(key, { userId: '00000000-0000-4000-8000-000000000001', email: 'rep@rapport.example', role: 'SALES_REP', teamIds: [] });

async function perVerification(cacheSize: number): Promise<number> {
  const verify = createTokenVerifier({ jwks: jwksOf([key]), cacheSize });
  for (let i = 0; i < 500; i++) await verify(token);
  const started = performance.now();
  for (let i = 0; i < RUNS; i++) await verify(token);
  return ((performance.now() - started) * 1000) / RUNS;
}

const uncached = await perVerification(0);
const cached = await perVerification(10_000);
process.stdout.write(`token verification: ${uncached.toFixed(1)} µs uncached, ${cached.toFixed(2)} µs cached (${RUNS} runs each, same token)\n`);
