import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** 首接负责: the responsible window hands the project over to another window. */
export class HandOverDto {
  @ApiProperty({ description: 'The username of the window officer who takes the project over' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  toWindow!: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
