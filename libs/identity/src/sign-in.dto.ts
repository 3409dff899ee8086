import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { type Role, ROLES } from '@ruche/platform';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.js';

/** Addresses are compared lowercased and trimmed: sign-in, registration, invitations and resets alike. */
export const lowerTrim = Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** An email address someone types (registration, an invitation, a reset request), stored lowercased and trimmed. */
export function EmailAddress(example: string): PropertyDecorator {
  return (target, key) => {
    // Applied bottom-up, as the four decorators it replaces were: the same order of checks in a 400.
    MaxLength(254)(target, key);
    IsEmail({}, { message: 'email must be a valid email address' })(target, key);
    lowerTrim(target, key);
    ApiProperty({ example })(target, key);
  };
}

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
  @EmailAddress('new.colleague@corp.example')
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
