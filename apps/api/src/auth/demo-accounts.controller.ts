import { Controller, Get, Inject } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { appConfig } from '../../../../libs/config/src';
import { Public } from './decorators';
import { UsersService } from './users.service';

class DemoAccountDto {
  @ApiProperty() username!: string;
  @ApiProperty() role!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional() organisation?: string;
  @ApiPropertyOptional() department?: string;
  /** The department's name in Chinese and English, shown beside the account. */
  @ApiPropertyOptional() departmentName?: string;
  @ApiPropertyOptional() departmentNameEn?: string;
}

class DemoAccountsDto {
  @ApiProperty({ type: [DemoAccountDto] }) items!: DemoAccountDto[];
}

/**
 * The sign-in page lists the demo accounts (password `demo`) of the embedded default, so a
 * newcomer can sign in without reading the docs. Anywhere else the list is empty.
 */
@ApiTags('auth')
@Controller('auth/demo-accounts')
export class DemoAccountsController {
  constructor(
    private readonly users: UsersService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: DemoAccountsDto })
  async list(): Promise<DemoAccountsDto> {
    if (!this.app.embedded) return { items: [] };
    return { items: await this.users.demoAccounts() };
  }
}
