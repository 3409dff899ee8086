import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { type Role, ROLES } from '@ruche/platform';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.js';

const lowerTrim = Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** A new password: 12–256 characters (the breached list is checked by the service). */
export function NewPassword(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })(target, key);
    IsString()(target, key);
    MinLength(PASSWORD_MIN_LENGTH, { message: `${String(key)} must be at least ${PASSWORD_MIN_LENGTH} characters` })(target, key);
    MaxLength(PASSWORD_MAX_LENGTH, { message: `${String(key)} must be at most ${PASSWORD_MAX_LENGTH} characters` })(target, key);
  };
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @NewPassword()
  newPassword: string;
}

export class ResetPasswordDto {
  @NewPassword()
  newPassword: string;
}

export class CreateInvitationDto {
  @ApiProperty({ example: 'new.colleague@corp.example' })
  @lowerTrim
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'Roles the account gets (employee always)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles?: Role[];
}

export class SsoExchangeDto {
  @ApiProperty({ description: 'The one-time code the callback put in the web app’s address' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  code: string;
}
