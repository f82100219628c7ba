import { BadRequestException, ExecutionContext, createParamDecorator } from '@nestjs/common';
import { ApiHeader, type ApiHeaderOptions } from '@nestjs/swagger';
import type { Request } from 'express';

export const IDEMPOTENCY_KEY = 'Idempotency-Key';
const KEY = /^[A-Za-z0-9._:-]{1,100}$/;

const HEADER: ApiHeaderOptions = {
  name: IDEMPOTENCY_KEY,
  required: false,
  description:
    'The same key (per user) has one effect: a retry answers the first result instead of acting twice. 1-100 of letters, digits, . _ : -',
  schema: { type: 'string', pattern: KEY.source },
};

/**
 * The caller's Idempotency-Key header, checked (400 naming the header) — or undefined when it
 * sent none. Documents the header on the route in OpenAPI too.
 */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined =>
    idempotencyKeyOf(ctx.switchToHttp().getRequest<Request>()),
  [documentIdempotencyKey],
);

/** The request's Idempotency-Key, checked; undefined when it sent none. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.header(IDEMPOTENCY_KEY);
  if (key !== undefined && !KEY.test(key)) {
    throw new BadRequestException(
      `${IDEMPOTENCY_KEY}: 1-100 characters of letters, digits, . _ : -`,
    );
  }
  return key;
}

/** Documents the header on the route (a param decorator's enhancer). */
export function documentIdempotencyKey(target: object, method: string | symbol | undefined) {
  if (method === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, method)!;
  ApiHeader(HEADER)(target, method, descriptor);
}
