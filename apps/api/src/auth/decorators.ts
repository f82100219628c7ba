import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '../../../../libs/persistence/src';
import type { Principal } from './principal';

export const IS_PUBLIC = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** No bearer token needed (login, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (row-level rules are checked in the services). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal =>
    ctx.switchToHttp().getRequest<Request & { user: Principal }>().user,
);

export const ALLOW_PENDING_PASSWORD = 'auth:allow-pending-password';

/**
 * The route stays open to a user who must still replace an initial password (who they are,
 * changing it, signing out); every other route answers 403 until they have.
 */
export const AllowPendingPassword = () => SetMetadata(ALLOW_PENDING_PASSWORD, true);
