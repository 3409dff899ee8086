import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';
import { AccountController, AuthController } from './identity.controller.js';
import { IdentityService } from './identity.service.js';
import { JwtStrategy } from './jwt.strategy.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { SocketIdentity } from './socket-identity.js';
import { UserEntity } from './user.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [RUCHE_CONFIG],
      useFactory: (config: RucheConfig) => ({ secret: config.auth.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController, AccountController],
  providers: [IdentityService, JwtStrategy, SocketIdentity],
  exports: [IdentityService],
})
export class IdentityModule {}
