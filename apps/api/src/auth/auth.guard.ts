import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { Role } from '../../../../libs/persistence/src';
import { AccountCache } from './account-cache.service';
import { ALLOW_PENDING_PASSWORD, IS_PUBLIC, ROLES_KEY } from './decorators';
import { OidcService, decodeJwt } from './oidc.service';
import type { Principal } from './principal';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(); @Roles()
 * narrows it to roles. Which rows a caller may touch is decided by the feature services.
 * The role, organisation and department are the users table's (through AccountCache), not
 * the token's: a moved or disabled user, or a revoked session, loses the old powers within
 * AUTH_CACHE_SECONDS, not at the token's expiry.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly oidc: OidcService,
    private readonly accounts: AccountCache,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: Principal }>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException(
        'Authorization: a bearer token is required (POST /api/auth/login)',
      );
    }
    const { principal, mustChangePassword } = await this.authenticate(token);
    req.user = principal;
    if (
      mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD, targets)
    ) {
      throw new ForbiddenException(
        'you must replace your initial password first (POST /api/auth/password)',
      );
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(req.user.role)) {
      throw new ForbiddenException(
        `this needs one of the roles ${roles.join(', ')}; you are ${req.user.role}`,
      );
    }
    return true;
  }

  /**
   * Routes on the unverified `iss`: the external OIDC issuer's tokens (when configured) go to
   * OidcService; everything else must be one of ours, verified with JWT_SECRET.
   */
  private async authenticate(
    token: string,
  ): Promise<{ principal: Principal; mustChangePassword: boolean }> {
    const issuer = this.oidc.issuer;
    if (issuer !== undefined && decodeJwt(token)?.payload.iss === issuer) {
      return { principal: await this.oidc.verify(token), mustChangePassword: false };
    }
    let claims: { sub: string; sid?: string };
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch {
      throw new UnauthorizedException('Authorization: the token is invalid or expired');
    }
    if (typeof claims.sid !== 'string') {
      throw new UnauthorizedException('Authorization: the token names no session; sign in again');
    }
    const account = await this.accounts.get(claims.sub, claims.sid);
    if (!account || account.disabled || !account.sessionActive) {
      throw new UnauthorizedException(
        'Authorization: the session has ended (signed out, account disabled or password changed); sign in again',
      );
    }
    return {
      principal: {
        userId: claims.sub,
        username: account.username,
        role: account.role,
        organisation: account.organisation ?? undefined,
        department: account.department ?? undefined,
        sessionId: claims.sid,
      },
      mustChangePassword: account.mustChangePassword,
    };
  }
}
