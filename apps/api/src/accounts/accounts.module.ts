import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { OrganisationsController, UsersAdminController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { DirectoryController } from './directory.controller';

@Module({
  imports: [AuthModule, AuditModule],
  controllers: [OrganisationsController, UsersAdminController, DirectoryController],
  providers: [AccountsService],
})
export class AccountsModule {}
