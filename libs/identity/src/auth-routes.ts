import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RateLimitGuard } from '@ruche/platform';

/** A controller of the sign-in routes under /auth: mostly open to callers without a session, so all rate limited per address. */
export const AuthRoutes = () => applyDecorators(ApiTags('identity'), Controller('auth'), UseGuards(RateLimitGuard));
