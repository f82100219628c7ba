/*
 * Evidence for a finding of the decisions benchmark: the API verifies every bearer token with
 * @nestjs/jwt given the secret as a string, and jsonwebtoken then first tries to parse that
 * string as a PEM public key (crypto.createPublicKey, which throws) before it makes a secret key
 * of it — on every request. The same verification with a KeyObject made once skips that.
 *
 *   npx tsx bench/decisions/jwt-verify.ts
 */
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, randomBytes } from 'node:crypto';

async function perVerifyMicros(service: JwtService, token: string, n: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await service.verifyAsync(token);
  return Number(process.hrtime.bigint() - t0) / 1000 / n;
}

async function main(): Promise<void> {
  const secret = randomBytes(32).toString('hex');
  const asString = new JwtService({ secret });
  // As the API could configure it: the key made once (jsonwebtoken accepts a KeyObject).
  const asKey = new JwtService({
    secret: createSecretKey(Buffer.from(secret)) as unknown as string,
  });
  const token = await asString.signAsync({
    sub: 'u1',
    username: 'officer.DRC',
    role: 'REVIEWING_OFFICER',
  });
  for (const s of [asString, asKey]) await perVerifyMicros(s, token, 300); // warm-up
  for (let round = 0; round < 3; round++) {
    const string = await perVerifyMicros(asString, token, 2000);
    const key = await perVerifyMicros(asKey, token, 2000);
    process.stdout.write(
      `verifyAsync: secret as a string ${string.toFixed(0)} µs, as a KeyObject ${key.toFixed(0)} µs (${(string / key).toFixed(0)}×)\n`,
    );
  }
}

void main();
