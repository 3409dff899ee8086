import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** What the identity provider's self-submitting form posts to the ACS (HTTP-POST binding). */
export class SamlAcsDto {
  @ApiProperty({ description: 'The base64 SAML Response' })
  @IsString()
  @MinLength(1)
  // Far above any real Response (a few to tens of KB), far below the form body limit.
  @MaxLength(200_000)
  @Matches(/^[A-Za-z0-9+/=\s]+$/, { message: 'SAMLResponse must be base64' })
  SAMLResponse: string;

  @ApiPropertyOptional({ description: 'The RelayState the login step sent' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  RelayState?: string;
}

export class SamlLoginQuery {
  @ApiPropertyOptional({ description: 'A path on this site to open once signed in', example: '/questions' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  returnTo?: string;
}
