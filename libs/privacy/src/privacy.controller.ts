import { Body, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '@ruche/files';
import {
  ApiController,
  ApiFileResponse,
  ApiItemsResponse,
  type AuthUser,
  CurrentUser,
  DomainError,
  ErrorCode,
  Permission,
  RequirePermission,
  TrimmedText,
  UuidParam,
} from '@ruche/platform';
import { ErasureService, type ErasureOutcome } from './erasure.service.js';
import { ExportsService } from './exports.service.js';
import { ExportView } from './exports-sql.js';

export class EraseSelfDto {
  @TrimmedText(30, 'Your handle, typed again to confirm')
  confirmation: string;

  @ApiProperty({ required: false, maxLength: 256, description: 'Your password (required when your account has one)' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  password?: string;
}

export class EraseUserDto {
  @TrimmedText(30, "The person's handle, typed again to confirm")
  confirmation: string;
}

export class ErasureView {
  @ApiProperty({ format: 'uuid' })
  userId: string;
  @ApiProperty({ description: 'The erased account’s new handle: all the audit log keeps of them' })
  pseudonym: string;
  @ApiProperty({ enum: ['anonymise', 'delete'], description: 'RUCHE_ERASURE: content kept under "Former employee" or deleted' })
  mode: 'anonymise' | 'delete';
}

/** A confirmation typed by hand must name the account (case and a leading @ do not matter). */
function assertConfirmation(typed: string, handle: string): void {
  if (typed.replace(/^@/, '').toLowerCase() !== handle.toLowerCase())
    throw new DomainError(ErrorCode.Invalid, 'Type the handle of the account to confirm');
}

/** Personal data (#15): your archive, and erasing an account (yours, or anyone's as an admin). */
@ApiController('privacy')
export class PrivacyController {
  constructor(
    private readonly exports: ExportsService,
    private readonly erasure: ErasureService,
  ) {}

  @Post('me/export')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for an archive of your data (JSON per module and your files); one at a time: the running one is answered',
  })
  @ApiAcceptedResponse({ type: ExportView })
  async request(@CurrentUser() user: AuthUser): Promise<ExportView> {
    return (await this.exports.request(user.id)).view;
  }

  @Get('me/exports')
  @ApiOperation({ summary: 'Your recent exports, newest first' })
  @ApiItemsResponse(ExportView, 'Newest first')
  list(@CurrentUser() user: AuthUser): Promise<{ items: ExportView[] }> {
    return this.exports.list(user.id);
  }

  @Get('me/exports/:id')
  @ApiOperation({ summary: 'One of your exports: status and progress (anyone else’s is 404)' })
  @ApiOkResponse({ type: ExportView })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ExportView> {
    return this.exports.get(user.id, id);
  }

  @Get('me/exports/:id/download')
  @ApiOperation({ summary: 'Download your archive (zip), for a day after it is ready; then 404' })
  @ApiFileResponse(['application/zip'], 'The archive')
  async download(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const { object, name } = await this.exports.download(user.id, id);
    void reply
      .header('content-type', 'application/zip')
      .header('content-length', String(object.size))
      .header('content-disposition', contentDisposition('attachment', name))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff');
    await reply.send(object.body);
  }

  @Post('me/erase')
  @HttpCode(200)
  @ApiOperation({ summary: 'Erase your account (final): your handle typed again and your password when you have one' })
  @ApiOkResponse({ type: ErasureView })
  eraseSelf(@CurrentUser() user: AuthUser, @Body() body: EraseSelfDto): Promise<ErasureOutcome> {
    assertConfirmation(body.confirmation, user.handle);
    return this.erasure.eraseSelf(user.id, body.password);
  }

  @Post('admin/users/:id/erase')
  @HttpCode(200)
  @RequirePermission(Permission.AssignRoles)
  @ApiOperation({ summary: "Erase someone's account (final): their handle typed again to confirm" })
  @ApiOkResponse({ type: ErasureView })
  eraseUser(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: EraseUserDto): Promise<ErasureOutcome> {
    return this.erasure.eraseByAdmin(user.id, id, (handle) => assertConfirmation(body.confirmation, handle));
  }
}
