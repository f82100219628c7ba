import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from '../../../../libs/config/src';
import type { Request, Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { AllowPendingPassword, CurrentUser, Public } from './decorators';
import type { Principal } from './principal';
import { LoginResultDto, MeDto, PasswordChangedDto, SignedOutDto } from './dto/auth-responses.dto';
import { LoginDto } from './dto/login.dto';
import { ChangePasswordDto, RefreshDto } from './dto/session.dto';
import { LoginAttempt, LoginThrottle } from './login-throttle.service';
import { passwordProblem } from './password-policy';
import {
  clearRefreshCookie,
  crossSiteProblem,
  refreshCookieOf,
  setRefreshCookie,
  wantsRefreshCookie,
} from './refresh-cookie';
import { IssuedTokens, SessionsService } from './sessions.service';
import { UsersService } from './users.service';

/** The client's address: the peer, or X-Forwarded-For from a proxy in TRUST_PROXY. */
const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  private get production() {
    return this.app.nodeEnv === 'production';
  }

  /**
   * The answer of a sign-in or refresh: the tokens in the body, or — for a browser that asked
   * for the cookie — the refresh token in the HttpOnly cookie and out of the body.
   */
  private answer(req: Request, res: Response, tokens: IssuedTokens): LoginResultDto {
    if (!wantsRefreshCookie(req)) return tokens;
    const { refreshToken, ...rest } = tokens;
    setRefreshCookie(req, res, refreshToken, tokens.refreshExpiresIn, this.production);
    return rest;
  }

  /** The refresh token of the body, or of the cookie when the request may spend it. */
  private refreshTokenOf(req: Request, body: RefreshDto): string {
    if (body.refreshToken !== undefined) return body.refreshToken;
    const cookie = refreshCookieOf(req);
    if (cookie === undefined && !wantsRefreshCookie(req)) {
      throw new BadRequestException([
        'refreshToken: is required (in the body, or in the session cookie with X-Refresh-Cookie: 1)',
      ]);
    }
    const problem = crossSiteProblem(req);
    if (problem) throw new ForbiddenException(problem);
    if (cookie === undefined) throw new UnauthorizedException('no session cookie; sign in again');
    return cookie;
  }

  /**
   * Tokens for a valid username and password. 429 with Retry-After when the account is locked
   * (too many failures, from any address) or the address passed its ceiling a minute.
   */
  @ApiOkResponse({ type: LoginResultDto })
  @ApiTooManyRequestsResponse({ description: 'locked account or address ceiling; Retry-After' })
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResultDto> {
    const address = addressOf(req);
    const { username } = body;
    await this.throttle.checkAddress(address, res);
    let attempt: LoginAttempt;
    try {
      attempt = await this.throttle.reserve(username, res);
    } catch (e) {
      await this.audit.record({ action: 'LOGIN_LOCKED', subject: username, address });
      throw e;
    }
    const user = await this.users.verify(username, body.password);
    if (!user) {
      await this.audit.record({ action: 'LOGIN_FAILED', subject: username, address });
      const lockedFor = await this.throttle.failed(attempt);
      if (lockedFor > 0) {
        await this.audit.record({
          action: 'LOGIN_LOCKED',
          subject: username,
          address,
          detail: { seconds: lockedFor },
        });
      }
      throw new UnauthorizedException('username or password is wrong');
    }
    await this.throttle.succeeded(username);
    if (user.disabled) {
      await this.audit.record({
        action: 'LOGIN_FAILED',
        subject: username,
        address,
        detail: { reason: 'disabled' },
      });
      throw new UnauthorizedException('this account is disabled; ask an administrator');
    }
    await this.audit.record({
      action: 'LOGIN_SUCCEEDED',
      actor: username,
      subject: username,
      address,
    });
    return this.answer(req, res, await this.sessions.start(user));
  }

  /**
   * A new access token and refresh token for a refresh token, which is then spent: from the
   * body, or from the session cookie (with `X-Refresh-Cookie: 1`, same site only; the new one
   * goes back into the cookie). Spent again within REFRESH_REUSE_GRACE_SECONDS, it answers the
   * same successor; later, the session is revoked.
   */
  @ApiOkResponse({ type: LoginResultDto })
  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Body() body: RefreshDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResultDto> {
    const token = this.refreshTokenOf(req, body);
    try {
      return this.answer(req, res, await this.sessions.refresh(token, addressOf(req)));
    } catch (e) {
      if (e instanceof UnauthorizedException && body.refreshToken === undefined) {
        clearRefreshCookie(req, res, this.production);
      }
      throw e;
    }
  }

  /**
   * Ends the session of the refresh token (the body's, or the session cookie's, which is
   * cleared): its access tokens stop working too.
   */
  @ApiOkResponse({ type: SignedOutDto })
  @Public()
  @Post('logout')
  @HttpCode(200)
  async logout(
    @Body() body: RefreshDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignedOutDto> {
    const token = this.refreshTokenOf(req, body);
    if (body.refreshToken === undefined) clearRefreshCookie(req, res, this.production);
    const ended = await this.sessions.end(token);
    if (ended?.ended) {
      const user = await this.users.findById(ended.userId);
      await this.audit.record({
        action: 'LOGOUT',
        actor: user?.username,
        subject: user?.username,
        address: addressOf(req),
      });
    }
    return { signedOut: ended?.ended ?? false };
  }

  /**
   * Replaces the caller's password (the initial one too); the other sessions of the user end.
   * 400 naming `currentPassword` or `newPassword` when one is not right.
   */
  @ApiOkResponse({ type: PasswordChangedDto })
  @ApiTooManyRequestsResponse({
    description:
      'the account is locked (wrong current passwords count as failed sign-ins); Retry-After',
  })
  @ApiBearerAuth()
  @AllowPendingPassword()
  @Post('password')
  @HttpCode(200)
  async changePassword(
    @CurrentUser() me: Principal,
    @Body() body: ChangePasswordDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PasswordChangedDto> {
    const address = addressOf(req);
    // Guessing the current password here counts as a failed sign-in of the account.
    const attempt = await this.throttle.reserve(me.username, res);
    const user = await this.users.verify(me.username, body.currentPassword);
    if (!user) {
      await this.audit.record({
        action: 'LOGIN_FAILED',
        subject: me.username,
        address,
        detail: { via: 'password change' },
      });
      await this.throttle.failed(attempt);
      throw new BadRequestException(['currentPassword: is wrong']);
    }
    await this.throttle.succeeded(me.username);
    const problem = passwordProblem(body.newPassword, me.username);
    if (problem) throw new BadRequestException([problem]);
    if (body.newPassword === body.currentPassword) {
      throw new BadRequestException(['newPassword: must differ from the current password']);
    }
    await this.users.setPassword(user.id, body.newPassword);
    await this.sessions.endAllOf(user.id, 'password changed', me.sessionId);
    await this.audit.record(
      { action: 'PASSWORD_CHANGED', actor: me.username, subject: me.username, address },
      true,
    );
    return { otherSessionsEnded: true };
  }

  /** Who the caller is now: username, role, organisation or department. */
  @ApiOkResponse({ type: MeDto })
  @ApiBearerAuth()
  @AllowPendingPassword()
  @Get('me')
  async me(@CurrentUser() user: Principal): Promise<MeDto> {
    const row = user.sessionId ? await this.users.findById(user.userId) : undefined;
    return {
      username: user.username,
      role: user.role,
      ...(row ? { displayName: row.displayName } : {}),
      ...(user.organisation
        ? {
            organisation: user.organisation,
            organisationName: await this.users.organisationName(user.organisation),
          }
        : {}),
      ...(user.department ? { department: user.department } : {}),
      ...(row?.mustChangePassword ? { mustChangePassword: true } : {}),
    };
  }
}
