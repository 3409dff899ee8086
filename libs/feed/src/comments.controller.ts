import { Body, Delete, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  ApiController,
  type AuthUser,
  CurrentUser,
  ModeratorEditHistory,
  NoContent,
  RevisionView,
  UuidParam,
} from '@ruche/platform';
import { CommentEditsService } from './comment-edits.service.js';
import { CommentView, UpdateCommentDto } from './dto.js';

/** A post's comment by its own id (#14): edit, delete, and its edit history for moderators. */
@ApiController('feed', 'comments')
export class CommentsController {
  constructor(private readonly edits: CommentEditsService) {}

  @Patch(':id')
  @ApiOperation({ summary: "Edit a comment's text and attachments (its author); the previous text joins its history" })
  @ApiOkResponse({ type: CommentView })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: UpdateCommentDto): Promise<CommentView> {
    return this.edits.update(user, id, body.body, body.attachmentIds);
  }

  @Delete(':id')
  @ApiOperation({ summary: "Delete a comment (its author, a moderator, or an owner or admin of the post's group)" })
  @NoContent()
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.edits.remove(user, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: "A comment's earlier texts, newest first (moderators)" })
  @ModeratorEditHistory()
  history(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<{ items: RevisionView[] }> {
    return this.edits.history(user, id);
  }
}
