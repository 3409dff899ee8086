import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Push services hand out plain ASCII URLs: anything else (spaces, NUL, other scripts) is not one. */
const ENDPOINT = /^https?:\/\/[\x21-\x7e]+$/;

export class SubscriptionKeysDto {
  @ApiProperty({ description: "The browser's P-256 public key (base64url, 65 bytes)" })
  @IsString()
  @MaxLength(120)
  @Matches(BASE64URL, { message: 'keys.p256dh must be base64url' })
  p256dh: string;

  @ApiProperty({ description: 'The authentication secret (base64url, 16 bytes)' })
  @IsString()
  @MaxLength(40)
  @Matches(BASE64URL, { message: 'keys.auth must be base64url' })
  auth: string;
}

/** What `PushSubscription.toJSON()` gives in the browser (expirationTime is ignored). */
export class SubscribeDto {
  @ApiProperty({ description: "The subscription's endpoint at the browser's push service (https)" })
  @IsString()
  @MaxLength(2048)
  @Matches(ENDPOINT, { message: 'endpoint must be an http(s) URL in plain ASCII' })
  endpoint: string;

  @ApiProperty({ type: SubscriptionKeysDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SubscriptionKeysDto)
  keys: SubscriptionKeysDto;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Ignored: push services say when a subscription ends' })
  @IsOptional()
  expirationTime?: number | null;
}

export class UnsubscribeDto {
  @ApiProperty()
  @IsString()
  @MaxLength(2048)
  @Matches(ENDPOINT, { message: 'endpoint must be an http(s) URL in plain ASCII' })
  endpoint: string;
}

export class QuietHoursDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '22:00',
    description: 'Start of the quiet hours (HH:MM, your time zone); null: none',
  })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Matches(TIME, { message: 'start must be a time of day, HH:MM' })
  start: string | null;

  @ApiProperty({ type: String, nullable: true, example: '07:00', description: 'End of the quiet hours (HH:MM); null with start' })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Matches(TIME, { message: 'end must be a time of day, HH:MM' })
  end: string | null;
}

export class QuietHoursView {
  @ApiProperty({ example: '22:00' })
  start: string;
  @ApiProperty({ example: '07:00' })
  end: string;
}

export class PushSettingsView {
  @ApiProperty({ description: 'The VAPID public key (base64url) to subscribe with (applicationServerKey)' })
  publicKey: string;
  @ApiProperty({ description: 'How many browsers of yours are subscribed' })
  subscriptions: number;
  @ApiProperty({ type: QuietHoursView, nullable: true, description: 'When nothing is pushed to you (your time zone)' })
  quietHours: QuietHoursView | null;
  @ApiProperty({ description: 'The time zone quiet hours are read in (your profile’s)' })
  timeZone: string;
}

export class PushTestView {
  @ApiProperty({ description: 'Browsers the test reached' })
  sent: number;
  @ApiProperty({ description: 'Subscriptions the push service said are gone (removed)' })
  gone: number;
  @ApiProperty({ description: 'Other failures' })
  failed: number;
}

export class SubscriptionView {
  @ApiProperty()
  id: string;
  @ApiProperty({ description: 'Whether this endpoint was new for you (false: it was yours already)' })
  created: boolean;
}
