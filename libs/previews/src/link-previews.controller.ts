import { Body, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, Permission, RequirePermission } from '@ruche/platform';
import { LinkPreviewRulesDto } from './dto.js';
import { LinkPreviews } from './link-previews.service.js';

@ApiController('link previews', 'admin/link-previews')
export class LinkPreviewsController {
  constructor(private readonly previews: LinkPreviews) {}

  @Get('rules')
  @RequirePermission(Permission.ManageLinkPreviews)
  @ApiOperation({ summary: 'The hosts link previews may (allow) or may not (deny) be fetched from (admin)' })
  @ApiOkResponse({ type: LinkPreviewRulesDto })
  async rules(): Promise<LinkPreviewRulesDto> {
    return { rules: await this.previews.rules() };
  }

  @Put('rules')
  @RequirePermission(Permission.ManageLinkPreviews)
  @ApiOperation({ summary: 'Replace the host rules of link previews (admin): a deny wins; any allow makes it an allow-list' })
  @ApiOkResponse({ type: LinkPreviewRulesDto })
  async replace(@Body() body: LinkPreviewRulesDto): Promise<LinkPreviewRulesDto> {
    return { rules: await this.previews.replaceRules(body.rules) };
  }
}
