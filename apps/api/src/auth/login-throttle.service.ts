import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { authConfig } from '../../../../libs/config/src';
import {
  clearLoginFailures,
  countAddressAttempt,
  reserveLoginAttempt,
} from '../../../../libs/persistence/src';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pause before answering the n-th failure in a row: none, then 250 ms doubling to 2 s. */
export function failureDelayMs(failures: number): number {
  return failures < 2 ? 0 : Math.min(250 * 2 ** (failures - 2), 2_000);
}

/** An attempt reserved before its password check: the failures so far, this one included. */
export interface LoginAttempt {
  failures: number;
  /** The lock this attempt started when it reached the threshold (seconds), or 0. */
  lockedFor: number;
}

function tooMany(res: Response, seconds: number, message: string): HttpException {
  res.setHeader('Retry-After', String(Math.max(1, seconds)));
  return new HttpException(message, HttpStatus.TOO_MANY_REQUESTS);
}

/**
 * Brute force without locking out an office (Keycloak's brute-force detection): each account
 * is locked after LOGIN_LOCK_THRESHOLD failures in a row from any address, with growing
 * pauses before (each attempt is reserved before bcrypt runs, so a parallel burst checks at most
 * that many passwords); each client address has a ceiling of LOGIN_RATE_LIMIT attempts a minute, high
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

  /**
   * Reserves an attempt of the account before its password is checked (counted as a failure
   * until `succeeded`); throws 429 while it is locked. Count and check are one statement, so
   * parallel attempts cannot all pass a check made before any of them was counted.
   */
  async reserve(username: string, res: Response): Promise<LoginAttempt> {
    const a = await reserveLoginAttempt(
      this.ds,
      username,
      this.cfg.loginLockThreshold,
      this.cfg.loginLockSeconds,
    );
    if (!a.allowed) throw this.locked(res, a.lockedFor);
    return { failures: a.failures, lockedFor: a.lockedFor };
  }

  /** The reserved attempt failed: pauses; answers the seconds of a lock it started, or 0. */
  async failed(attempt: LoginAttempt): Promise<number> {
    await sleep(failureDelayMs(attempt.failures));
    return attempt.lockedFor;
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
