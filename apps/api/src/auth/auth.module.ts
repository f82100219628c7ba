import { Logger, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { authConfig } from '../../../../libs/config/src';
import { AuditModule } from '../audit/audit.module';
import { AccountCache } from './account-cache.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { DemoAccountsController } from './demo-accounts.controller';
import { LoginThrottle } from './login-throttle.service';
import { OidcService } from './oidc.service';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

@Module({
  imports: [
    AuditModule,
    JwtModule.registerAsync({
      inject: [authConfig.KEY],
      useFactory: (cfg: ConfigType<typeof authConfig>) => {
        if (cfg.generatedSecret) {
          new Logger('auth').warn(
            'JWT_SECRET is not set: tokens are signed with a random secret of this process; they end when it stops and no other API process accepts them',
          );
        }
        // A key object made once: given the secret as a string, jsonwebtoken first tries it as a
        // public key on every verify, about 1 ms of CPU per request (bench/README.md).
        const key = createSecretKey(Buffer.from(cfg.jwtSecret, 'utf8'));
        return {
          secretOrKeyProvider: () => key,
          signOptions: {
            algorithm: 'HS256' as const,
            expiresIn: cfg.jwtTtlSeconds,
            issuer: 'parallel-approvals',
          },
          verifyOptions: { algorithms: ['HS256' as const], issuer: 'parallel-approvals' },
        };
      },
    }),
  ],
  controllers: [AuthController, DemoAccountsController],
  providers: [
    UsersService,
    OidcService,
    AccountCache,
    LoginThrottle,
    SessionsService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersService, SessionsService, AccountCache],
})
export class AuthModule {}
