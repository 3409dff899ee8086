import { Body, Delete, Get, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiController, ApiErrors, type AuthUser, CurrentUser, Public, SocketAuthentication, UuidParam } from '@ruche/platform';
import { AvatarsService } from './avatars.service.js';
import { AvatarView, SetAvatarDto } from './dto.js';
import { bearerViewer, sendDownload } from './files.controller.js';

@ApiController('files')
export class AvatarsController {
  constructor(
    private readonly avatars: AvatarsService,
    private readonly tokens: SocketAuthentication,
  ) {}

  @Put('me/avatar')
  @ApiOperation({
    summary: 'Make one of your uploads your photo (PNG, JPEG or WebP)',
    description: 'Shown instead of the generated avatar wherever you appear; the previous photo is deleted a day later.',
  })
  @ApiOkResponse({ type: AvatarView })
  @ApiErrors({
    invalid: 'Not a PNG, JPEG or WebP image (avatar_not_image), or already attached to an item',
    notFound: 'No such upload of yours',
  })
  set(@CurrentUser() user: AuthUser, @Body() body: SetAvatarDto) {
    return this.avatars.set(user, body.fileId);
  }

  @Delete('me/avatar')
  @ApiOperation({ summary: 'Remove your photo: the generated avatar shows again' })
  @ApiOkResponse({ type: AvatarView })
  remove(@CurrentUser() user: AuthUser) {
    return this.avatars.remove(user);
  }

  @Get('users/:id/avatar')
  @Public()
  @ApiOperation({
    summary: "A person's photo (WebP, at most 400 px): at the avatarUrl of their summary, or with a bearer token",
    description:
      'With `v`, the version the summary names, no token is needed (an `<img>` sends none; the version is ' +
      'unguessable and changes with the photo). Without `v`, a bearer token (401 otherwise) gets the current photo. ' +
      'Another version, no photo, or a person no longer active: 404.',
  })
  @ApiOkResponse({
    description: 'The image, at most 400 px',
    content: { 'image/webp': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors({ notFound: true })
  async image(
    @UuidParam('id') id: string,
    @Query('v') version: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    if (version === undefined) {
      await bearerViewer(this.tokens, request);
      await sendDownload(reply, await this.avatars.image(id, null), 'private, no-cache');
      return;
    }
    // The URL changes with the photo, so a browser may keep it; removal or erasure stops the link at once.
    await sendDownload(reply, await this.avatars.image(id, version), 'private, max-age=86400');
  }
}
