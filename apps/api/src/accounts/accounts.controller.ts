import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { AccountsService } from './accounts.service';
import {
  CreateOrganisationDto,
  CreateUserDto,
  CreatedUserDto,
  OrganisationDto,
  OrganisationListDto,
  UpdateUserDto,
  UserDto,
  UserListDto,
  UserQuery,
} from './dto/accounts.dto';

/** Organisations (project owners), each with its unified social credit code. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/organisations')
export class OrganisationsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOkResponse({ type: OrganisationListDto })
  async list(): Promise<OrganisationListDto> {
    return { items: await this.accounts.organisations() };
  }

  /** 400 naming `creditCode` when it is not a valid code; 409 when it is taken. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: OrganisationDto })
  @ApiConflictResponse({ description: 'the credit code or the code is taken' })
  create(
    @CurrentUser() me: Principal,
    @Body() body: CreateOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.accounts.createOrganisation(me, body);
  }
}

/** Users: created with a one-time password, moved, disabled. Effective within 60 s everywhere. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/users')
export class UsersAdminController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOkResponse({ type: UserListDto })
  async list(@Query() q: UserQuery): Promise<UserListDto> {
    return { items: await this.accounts.list(q) };
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiConflictResponse({ description: 'the username is taken' })
  create(@CurrentUser() me: Principal, @Body() body: CreateUserDto): Promise<CreatedUserDto> {
    return this.accounts.create(me, body);
  }

  @Patch(':username')
  @ApiOkResponse({ type: UserDto })
  update(
    @CurrentUser() me: Principal,
    @Param('username') username: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.accounts.update(me, username, body);
  }
}
