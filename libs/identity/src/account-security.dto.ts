import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from './password-policy.js';
import { EmailAddress, NewPassword } from './sign-in.dto.js';

/** A one-time token from a link (verification, reset) or a login challenge: base64url, 43 characters as issued. */
const Token = (description: string): PropertyDecorator => (target, key) => {
  ApiProperty({ description })(target, key);
  IsString()(target, key);
  MinLength(1)(target, key);
  MaxLength(200)(target, key);
  Matches(/^[A-Za-z0-9_-]+$/, { message: `${String(key)} must be a token as sent` })(target, key);
};

/** Six digits from the authenticator app (spaces allowed, as apps show "123 456"). */
const TotpCode = (): PropertyDecorator => (target, key) => {
  ApiPropertyOptional({ example: '123456', description: 'From the authenticator app' })(target, key);
  IsString()(target, key);
  Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: `${String(key)} must be 6 digits` })(target, key);
};

const RecoveryCode = (): PropertyDecorator => (target, key) => {
  ApiPropertyOptional({ example: 'k7m2-9xqp-4tz8', description: 'One of the recovery codes (works once)' })(target, key);
  IsString()(target, key);
  MinLength(1)(target, key);
  MaxLength(40)(target, key);
};

export class ConfirmTotpDto {
  @TotpCode()
  code: string;
}

/** The second step of a login: the challenge and either a code or a recovery code. */
export class LoginTotpDto {
  @Token('What the password step answered')
  challenge: string;

  @ValidateIf((o: LoginTotpDto) => o.recoveryCode === undefined || o.code !== undefined)
  @TotpCode()
  code?: string;

  @IsOptional()
  @RecoveryCode()
  recoveryCode?: string;
}

export class DisableTotpDto {
  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ValidateIf((o: DisableTotpDto) => o.recoveryCode === undefined || o.code !== undefined)
  @TotpCode()
  code?: string;

  @IsOptional()
  @RecoveryCode()
  recoveryCode?: string;
}

export class VerifyEmailDto {
  @Token('From the verification link')
  token: string;
}

export class ForgotPasswordDto {
  @EmailAddress('ada@corp.example')
  email: string;
}

export class ResetPasswordWithTokenDto {
  @Token('From the reset link')
  token: string;

  @NewPassword()
  password: string;
}
