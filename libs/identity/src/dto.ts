import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ACCOUNT_STATUSES, type AccountStatus } from '@ruche/contracts';
import { type Role, ROLES, TrimmedText } from '@ruche/platform';
import { EmailAddress, lowerTrim, NewPassword } from './sign-in.dto.js';

export class RegisterDto {
  @EmailAddress('alice@corp.example')
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

/** An account as its owner and admins see it (GET /api/me, and `user` in a session). */
export class UserView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  email: string;
  @ApiProperty({ description: 'Unique, for @mentions' })
  handle: string;
  @ApiProperty()
  displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];
  @ApiProperty({ enum: ACCOUNT_STATUSES })
  status: AccountStatus;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ description: 'False while the address waits for its verification link (#15): the account may read, not post' })
  emailVerified: boolean;
  @ApiProperty({ description: 'An admin set a temporary password: the person is asked to choose their own' })
  mustChangePassword: boolean;
  @ApiPropertyOptional({ description: 'Present when the person uploaded a photo: a link an <img> can load (no token needed)' })
  avatarUrl?: string;
}

export class SessionView {
  @ApiProperty({ type: UserView })
  user: UserView;
  @ApiProperty({ description: 'Bearer token for the API and the socket' })
  accessToken: string;
  @ApiProperty({ description: 'Traded once at POST /api/auth/refresh for a new session; a reused one ends its family' })
  refreshToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn: number;
}

export type { UserSummary } from '@ruche/contracts';
