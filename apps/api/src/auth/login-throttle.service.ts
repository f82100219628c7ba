import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { authConfig } from '../../../../libs/config/src';
import {
  accountLockedFor,
  clearLoginFailures,
  countAddressAttempt,
  recordLoginFailure,
} from '../../../../libs/persistence/src';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pause before answering the n-th failure in a row: none, then 250 ms doubling to 2 s. */
export function failureDelayMs(failures: number): number {
  return failures < 2 ? 0 : Math.min(250 * 2 ** (failures - 2), 2_000);
}

function tooMany(res: Response, seconds: number, message: string): HttpException {
  res.setHeader('Retry-After', String(Math.max(1, seconds)));
  return new HttpException(message, HttpStatus.TOO_MANY_REQUESTS);
}

/**
 * Brute force without locking out an office (Keycloak's brute-force detection): each account
 * is locked after LOGIN_LOCK_THRESHOLD failures in a row from any address, with growing
 * pauses before; each client address has a ceiling of LOGIN_RATE_LIMIT attempts a minute, high
 * enough for an office behind one NAT. Counted in PostgreSQL, so every API instance agrees.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
  ) {}

  async checkAddress(address: string, res: Response): Promise<void> {
    const { attempts, windowEndsIn } = await countAddressAttempt(this.ds, address);
    if (attempts > this.cfg.loginRateLimit) {
      throw tooMany(
        res,
        windowEndsIn,
        `too many sign-in attempts from this address (${this.cfg.loginRateLimit} a minute); retry in ${windowEndsIn} s`,
      );
    }
  }

  /** Throws 429 while the account is locked; answers whether it is. */
  async checkAccount(username: string, res: Response): Promise<void> {
    const s = await accountLockedFor(this.ds, username);
    if (s > 0) throw this.locked(res, s);
  }

  /** Counts a failure and pauses; answers the seconds of a lock this failure started, or 0. */
  async failed(username: string): Promise<number> {
    const { failures, lockedFor } = await recordLoginFailure(
      this.ds,
      username,
      this.cfg.loginLockThreshold,
      this.cfg.loginLockSeconds,
    );
    await sleep(failureDelayMs(failures));
    return lockedFor;
  }

  succeeded(username: string): Promise<void> {
    return clearLoginFailures(this.ds, username);
  }

  locked(res: Response, seconds: number): HttpException {
    return tooMany(
      res,
      seconds,
      `this account is locked after ${this.cfg.loginLockThreshold} failed sign-ins; retry in ${seconds} s`,
    );
  }
}
