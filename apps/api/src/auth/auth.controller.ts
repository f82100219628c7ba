import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { ThrottlerGuard } from '@nestjs/throttler';
import { authConfig } from '../../../../libs/config/src';
import { CurrentUser, Public } from './decorators';
import type { Principal } from './principal';
import { LoginResultDto, MeDto } from './dto/auth-responses.dto';
import { LoginDto } from './dto/login.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
  ) {}

  /** `{ accessToken }` for a valid username and password; rate limited per client address. */
  @ApiOkResponse({ type: LoginResultDto })
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto) {
    const user = await this.users.verify(body.username, body.password);
    if (!user) throw new UnauthorizedException('username or password is wrong');
    const accessToken = await this.jwt.signAsync({
      sub: user.id,
      username: user.username,
      role: user.role,
      ...(user.organisation ? { organisation: user.organisation } : {}),
      ...(user.department ? { department: user.department } : {}),
    });
    return {
      accessToken,
      tokenType: 'Bearer' as const,
      expiresIn: this.cfg.jwtTtlSeconds,
      role: user.role,
    };
  }

  /** Who the bearer token says the caller is: username, role, organisation or department. */
  @ApiOkResponse({ type: MeDto })
  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: Principal) {
    return {
      username: user.username,
      role: user.role,
      ...(user.organisation ? { organisation: user.organisation } : {}),
      ...(user.department ? { department: user.department } : {}),
    };
  }
}
