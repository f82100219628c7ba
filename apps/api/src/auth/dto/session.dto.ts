import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../password-policy';

export class RefreshDto {
  /** Omitted by a browser that keeps it in the session cookie (X-Refresh-Cookie: 1). */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 200 })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @Length(1, 200)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ type: String, minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  newPassword!: string;
}
