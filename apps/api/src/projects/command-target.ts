import { BadRequestException, ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { isUUID } from 'class-validator';
import type { Principal } from '../auth/principal';
import { documentIdempotencyKey, idempotencyKeyOf } from '../common/idempotency-key';

/** Who sends a command, to which project (and item), with which Idempotency-Key. */
export interface CommandTarget {
  user: Principal;
  projectId: string;
  /** `:itemCode` of an item's route. */
  itemCode: string;
  key?: string;
}

/**
 * The command's target from the request: the signed-in user, `:id` (a UUID, or 400 naming it),
 * `:itemCode` where the route has one, and the checked Idempotency-Key header (documented on the
 * route). One parameter instead of four on every command route.
 */
export const Target = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CommandTarget => {
    const req = ctx.switchToHttp().getRequest<Request & { user: Principal }>();
    const { id: projectId, itemCode = '' } = req.params as Record<string, string | undefined>;
    if (!projectId || !isUUID(projectId)) throw new BadRequestException('id must be a UUID');
    return {
      user: req.user,
      projectId,
      itemCode,
      key: idempotencyKeyOf(req),
    };
  },
  [documentIdempotencyKey],
);
