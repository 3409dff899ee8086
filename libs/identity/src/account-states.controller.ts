import { Body, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import {
  ApiController,
  ApiErrors,
  type AuthUser,
  CurrentUser,
  OptionalTrimmedText,
  Permission,
  RequirePermission,
  Transactions,
  UuidParam,
} from '@ruche/platform';
import { AccountStatesService } from './account-states.service.js';
import { UserView } from './dto.js';

export class DeactivationDto {
  @ApiProperty({ description: 'true deactivates the account (reversible), false reactivates it (a suspension stays)' })
  @IsBoolean({ message: 'deactivated must be true or false' })
  deactivated: boolean;

  @OptionalTrimmedText(500, 'Recorded in the audit log')
  reason?: string;
}

/** Admins deactivate and reactivate accounts (suspension is moderation's `PUT .../suspension`). */
@ApiController('identity', 'admin/users')
export class AccountStatesController {
  constructor(
    private readonly transactions: Transactions,
    private readonly states: AccountStatesService,
  ) {}

  @Put(':id/deactivation')
  @RequirePermission(Permission.AssignRoles)
  @ApiOperation({
    summary: 'Deactivate (sessions, tokens and sockets end; gone from search, routing, mentions) or reactivate an account',
  })
  @ApiOkResponse({ type: UserView, description: 'The user, with its status' })
  @ApiErrors({ notFound: 'No such person' })
  setDeactivation(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: DeactivationDto): Promise<UserView> {
    return this.transactions.run((tx) =>
      this.states.setDeactivated(tx, user.id, id, body.deactivated, body.reason ?? null, 'admin'),
    );
  }
}
