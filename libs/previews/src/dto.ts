import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { LinkPreviewRule, LinkPreviewRules, LinkPreviewView } from '@ruche/contracts';

/** A host name (letters, digits, dashes, dots; an IP literal in brackets for IPv6). */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?|\[[0-9a-f:.]{2,45}\])$/i;

export class LinkPreviewRuleDto implements LinkPreviewRule {
  @ApiProperty({ example: 'example.com', description: 'A host; the rule covers its subdomains too' })
  @IsString()
  @MaxLength(253)
  @Matches(HOST, { message: 'host must be a host name, like example.com' })
  host!: string;

  @ApiProperty({ enum: ['allow', 'deny'] })
  @IsIn(['allow', 'deny'])
  rule!: 'allow' | 'deny';
}

export class LinkPreviewRulesDto implements LinkPreviewRules {
  @ApiProperty({
    type: [LinkPreviewRuleDto],
    description: 'The whole list. A deny wins; with any allow rule, only allowed hosts are fetched.',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => LinkPreviewRuleDto)
  rules!: LinkPreviewRuleDto[];
}

export class LinkPreviewImageDto {
  @ApiProperty({ description: 'Signed, short-lived link to the stored image (a thumbnail)' })
  url!: string;
  @ApiPropertyOptional()
  width?: number;
  @ApiPropertyOptional()
  height?: number;
}

/** A link's preview card, inside the view of the item that links it (never on its own). */
export class LinkPreviewViewDto implements LinkPreviewView {
  @ApiProperty({ description: 'The link, normalised (no fragment)' })
  url!: string;
  @ApiProperty({ description: 'The host of the page that answered, without www.' })
  host!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Plain text, never HTML' })
  title!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Plain text, never HTML' })
  description!: string | null;
  @ApiProperty({ type: String, nullable: true })
  siteName!: string | null;
  @ApiPropertyOptional({ type: LinkPreviewImageDto })
  image?: LinkPreviewImageDto;
}

/** The `linkPreviews` of an item's view (posts, comments, questions, answers, ideas): one declaration for all. */
export const LinkPreviewsProperty = () =>
  ApiPropertyOptional({
    type: [LinkPreviewViewDto],
    description: 'Preview cards of the links in the body once the server fetched them, in the order written; [] until then',
  });
