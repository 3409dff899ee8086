import { Body, Controller, Delete, Get, HttpCode, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RevisionView } from '@ruche/contracts';
import { type AuthUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@ruche/platform';
import { CommentEditsService } from './comment-edits.service.js';
import { CommentView, UpdateCommentDto } from './dto.js';

/** A post's comment by its own id (#14): edit, delete, and its edit history for moderators. */
@ApiTags('feed')
@ApiBearerAuth()
@Controller('comments')
export class CommentsController {
  constructor(private readonly edits: CommentEditsService) {}

  @Patch(':id')
  @ApiOkResponse({ type: CommentView })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: UpdateCommentDto): Promise<CommentView> {
    return this.edits.update(user, id, body.body, body.attachmentIds);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.edits.remove(user, id);
  }

  @Get(':id/history')
  @RequirePermission(Permission.ModerateContent)
  @ApiOkResponse({ description: 'Previous texts, newest first: `{ items: [{ body, editedAt, editedBy }] }` (moderators)' })
  history(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<{ items: RevisionView[] }> {
    return this.edits.history(user, id);
  }
}
