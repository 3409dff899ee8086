import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { type Role, ROLES, TrimmedText } from '@ruche/platform';
import { NewPassword } from './sign-in.dto.js';

const lowerTrim = Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export class RegisterDto {
  @ApiProperty({ example: 'alice@corp.example' })
  @lowerTrim
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  /** 12–256 characters, not on the breached list (#15). */
  @NewPassword()
  password: string;

  @TrimmedText(80)
  displayName: string;

  @ApiPropertyOptional({ description: 'The token of an invitation link (required when RUCHE_SIGNUP=invite)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  invitationToken?: string;
}

export class LoginDto {
  @ApiProperty()
  @lowerTrim
  @IsString()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(256)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken: string;
}

export class SetRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles: Role[];
}

export interface UserView {
  id: string;
  email: string;
  handle: string;
  displayName: string;
  roles: Role[];
  status: string;
  createdAt: string;
  /** False while the address waits for its verification link (#15): the account may read, not post. */
  emailVerified: boolean;
  /** An admin set a temporary password: the person is asked to choose their own. */
  mustChangePassword: boolean;
}

export interface SessionView {
  user: UserView;
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export type { UserSummary } from '@ruche/contracts';
