import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsOptional } from 'class-validator';
import type { AttachmentView as AttachmentEventView, FileView } from '@ruche/contracts';
import { IsId, IsIdArray, OptionalTrimmedText } from '@ruche/platform';

export const MAX_ATTACHMENT_IDS = 20;

/**
 * `attachmentIds` on a write of a post, comment, question, answer or idea: files the writer
 * uploaded, at most 20, distinct. On an edit, the full list (left out: unchanged; `[]`: none).
 */
export function AttachmentIds() {
  return applyDecorators(
    ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      maxItems: MAX_ATTACHMENT_IDS,
      description: 'Ids of files you uploaded (POST /api/files)',
    }),
    IsOptional(),
    IsIdArray(),
    ArrayMaxSize(MAX_ATTACHMENT_IDS),
    ArrayUnique(),
  );
}

export class AltDto {
  @OptionalTrimmedText(1000, 'What the image shows, for people who cannot see it; empty clears it')
  alt: string | null;
}

/** What a file view and an attachment view both say of the file: its name, size, type and image facts. */
class StoredFileView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  size: number;
  @ApiProperty({ example: 'image/png' })
  contentType: string;
  @ApiPropertyOptional()
  width?: number;
  @ApiPropertyOptional()
  height?: number;
  @ApiPropertyOptional()
  alt?: string;
}

export class FileViewDto extends StoredFileView implements FileView {
  @ApiProperty()
  sha256: string;
}

export class AttachmentView extends StoredFileView implements AttachmentEventView {
  @ApiProperty({ description: 'Signed, short-lived: works without a bearer token (img src, download link)' })
  url: string;
  @ApiPropertyOptional({ description: 'Images: a 400 px WebP thumbnail, signed like url' })
  thumbnailUrl?: string;
}

/** OpenAPI for a view's `attachments` (posts, comments, questions, answers, ideas). */
export const AttachmentsProperty = () =>
  ApiProperty({ type: [AttachmentView], description: 'Files attached; url and thumbnailUrl are signed, short-lived links' });

export class SetAvatarDto {
  @ApiProperty({ format: 'uuid', description: 'An image you uploaded (POST /api/files): PNG, JPEG or WebP' })
  @IsId()
  fileId: string;
}

export class AvatarView {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The link person summaries now carry as avatarUrl; null: the generated avatar shows',
  })
  avatarUrl: string | null;
}
