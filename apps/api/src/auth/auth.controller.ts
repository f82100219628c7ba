import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { AllowPendingPassword, CurrentUser, Public } from './decorators';
import type { Principal } from './principal';
import { LoginResultDto, MeDto, PasswordChangedDto, SignedOutDto } from './dto/auth-responses.dto';
import { LoginDto } from './dto/login.dto';
import { ChangePasswordDto, RefreshDto } from './dto/session.dto';
import { LoginAttempt, LoginThrottle } from './login-throttle.service';
import { passwordProblem } from './password-policy';
import { SessionsService } from './sessions.service';
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
  ) {}

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
    return this.sessions.start(user);
  }

  /** A new access token and refresh token for a refresh token, which is then spent. */
  @ApiOkResponse({ type: LoginResultDto })
  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshDto, @Req() req: Request): Promise<LoginResultDto> {
    return this.sessions.refresh(body.refreshToken, addressOf(req));
  }

  /** Ends the session of the refresh token: its access tokens stop working too. */
  @ApiOkResponse({ type: SignedOutDto })
  @Public()
  @Post('logout')
  @HttpCode(200)
  async logout(@Body() body: RefreshDto, @Req() req: Request): Promise<SignedOutDto> {
    const ended = await this.sessions.end(body.refreshToken);
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
      ...(user.organisation ? { organisation: user.organisation } : {}),
      ...(user.department ? { department: user.department } : {}),
      ...(row?.mustChangePassword ? { mustChangePassword: true } : {}),
    };
  }
}
