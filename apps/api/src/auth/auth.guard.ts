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
import { IS_PUBLIC, ROLES_KEY } from './decorators';
import { OidcService, decodeJwt } from './oidc.service';
import type { Principal } from './principal';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(); @Roles()
 * narrows it to roles. Which rows a caller may touch is decided by the feature services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly oidc: OidcService,
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
    req.user = await this.authenticate(token);
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
  private async authenticate(token: string): Promise<Principal> {
    const issuer = this.oidc.issuer;
    if (issuer !== undefined && decodeJwt(token)?.payload.iss === issuer) {
      return this.oidc.verify(token);
    }
    let claims: Principal & { sub: string };
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch {
      throw new UnauthorizedException('Authorization: the token is invalid or expired');
    }
    return {
      userId: claims.sub,
      username: claims.username,
      role: claims.role,
      organisation: claims.organisation,
      department: claims.department,
    };
  }
}
