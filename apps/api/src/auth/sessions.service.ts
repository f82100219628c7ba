import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { authConfig } from '../../../../libs/config/src';
import {
  UserRecord,
  createSession,
  insertRefreshToken,
  revokeSession,
  revokeSessionsOf,
  sessionOfRefreshToken,
  useRefreshToken,
} from '../../../../libs/persistence/src';
import { AuditService } from '../audit/audit.service';
import { AccountCache } from './account-cache.service';
import { UsersService } from './users.service';

/** Only a hash is stored: a copy of the table signs nobody in. */
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * A refresh token's successor, derived from it with the API's secret: whoever spends the same
 * token again within the grace gets the same successor, with nothing but its hash stored.
 */
const successorOf = (token: string, secret: string) =>
  createHmac('sha256', secret).update(`refresh-successor:${token}`).digest('base64url');

export interface IssuedTokens {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  role: string;
  /** The person's name: the app shows it from the sign-in on, not the login. */
  displayName: string;
  mustChangePassword: boolean;
}

/**
 * Sessions: a sign-in starts one; its short access tokens name it (`sid`), and its refresh
 * tokens rotate, each usable once. A refresh token presented twice means one was stolen: the
 * whole session (the token family) is revoked, the thief's copy and the owner's alike — unless
 * the second use comes within REFRESH_REUSE_GRACE_SECONDS of the first, when it is a race (two
 * tabs, a retry) and gets the same successor.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly cache: AccountCache,
    private readonly audit: AuditService,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
  ) {}

  async start(user: UserRecord): Promise<IssuedTokens> {
    const sessionId = await createSession(this.ds, user.id);
    const refreshToken = randomBytes(32).toString('base64url');
    await insertRefreshToken(this.ds, hashOf(refreshToken), sessionId, this.cfg.refreshTtlSeconds);
    return this.issue(user, sessionId, refreshToken, this.cfg.refreshTtlSeconds);
  }

  async refresh(refreshToken: string, address: string | undefined): Promise<IssuedTokens> {
    const successor = successorOf(refreshToken, this.cfg.jwtSecret);
    const use = await useRefreshToken(
      this.ds,
      hashOf(refreshToken),
      hashOf(successor),
      this.cfg.refreshTtlSeconds,
      this.cfg.refreshGraceSeconds,
    );
    if (use.kind === 'reused') {
      await revokeSession(this.ds, use.sessionId, 'refresh token reused');
      this.cache.invalidate(use.userId);
      const user = await this.users.findById(use.userId);
      await this.audit.record({
        action: 'REFRESH_TOKEN_REUSED',
        actor: user?.username,
        subject: user?.username,
        address,
        detail: { sessionId: use.sessionId },
      });
      throw new UnauthorizedException(
        'refreshToken: was already used; the session is revoked, sign in again',
      );
    }
    if (use.kind === 'replaced') {
      throw new UnauthorizedException(
        'refreshToken: was just replaced and its successor used or ended; sign in again',
      );
    }
    if (use.kind === 'refused') {
      throw new UnauthorizedException(
        'refreshToken: is unknown, expired or revoked; sign in again',
      );
    }
    const user = await this.users.findById(use.userId);
    if (!user || user.disabled) {
      await revokeSession(this.ds, use.sessionId, 'user disabled');
      throw new UnauthorizedException('this account is disabled; ask an administrator');
    }
    return this.issue(user, use.sessionId, successor, use.expiresIn);
  }

  /** Ends the session the refresh token belongs to; answers whether one was in force. */
  async end(refreshToken: string): Promise<{ userId: string; ended: boolean } | undefined> {
    const s = await sessionOfRefreshToken(this.ds, hashOf(refreshToken));
    if (!s) return undefined;
    const ended = await revokeSession(this.ds, s.sessionId, 'signed out');
    this.cache.invalidate(s.userId);
    return { userId: s.userId, ended };
  }

  /** Every session of the user but `except` ends (password changed, account disabled). */
  async endAllOf(userId: string, reason: string, except?: string): Promise<void> {
    await revokeSessionsOf(this.ds, userId, reason, except);
    this.cache.invalidate(userId);
  }

  private async issue(
    user: UserRecord,
    sessionId: string,
    refreshToken: string,
    refreshExpiresIn: number,
  ): Promise<IssuedTokens> {
    const accessToken = await this.jwt.signAsync({
      sub: user.id,
      sid: sessionId,
      username: user.username,
      role: user.role,
      ...(user.organisation ? { organisation: user.organisation } : {}),
      ...(user.department ? { department: user.department } : {}),
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.cfg.jwtTtlSeconds,
      refreshToken,
      refreshExpiresIn,
      role: user.role,
      displayName: user.displayName,
      mustChangePassword: user.mustChangePassword,
    };
  }
}
