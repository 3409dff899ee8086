import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ModerationMarker, RevisionView as RevisionEventView, UserSummary } from '@ruche/contracts';

/** OpenAPI for a person as every view names them (authors, members, mentions). */
export class UserSummaryView implements UserSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  handle: string;
  @ApiProperty()
  displayName: string;
  @ApiPropertyOptional({ enum: [true], description: 'Present (true) when the account is deactivated' })
  deactivated?: true;
  @ApiPropertyOptional({ description: 'Present when the person uploaded a photo: a link an <img> can load (no token needed)' })
  avatarUrl?: string;
}

/** OpenAPI for the marker on content out of public sight, shown to moderators (and to the author of held content). */
export class ModerationMarkerView implements ModerationMarker {
  @ApiProperty({ enum: ['hidden', 'removed', 'held'] })
  state: ModerationMarker['state'];
}

/** OpenAPI for a view's `moderation` field: present only on content out of public sight. */
export const ModerationMarkerProperty = (description: string) => ApiPropertyOptional({ type: ModerationMarkerView, description });

/** OpenAPI for one earlier text of an edited comment, question or answer (their edit histories). */
export class RevisionView implements RevisionEventView {
  @ApiProperty({ description: 'The text before the edit' })
  body: string;
  @ApiPropertyOptional({ description: 'Only for questions: the title before the edit' })
  title?: string;
  @ApiProperty({ format: 'date-time' })
  editedAt: string;
  @ApiProperty({ type: UserSummaryView })
  editedBy: UserSummaryView;
}

/** OpenAPI for what every written post or reply shows (posts, comments on posts and ideas, answers): its author, its Markdown and that rendered. */
export class AuthoredTextView {
  @ApiProperty({ type: UserSummaryView })
  author: UserSummary;
  @ApiProperty()
  body: string;
  @ApiProperty({ description: '`body` rendered once on the server: Markdown as sanitised HTML' })
  bodyHtml: string;
}
