import { IsString, Length } from 'class-validator';

export class CreateSmokeDto {
  @IsString()
  @Length(1, 500)
  message!: string;
}
