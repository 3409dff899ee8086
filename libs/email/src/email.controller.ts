import { Controller, Delete, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { NotificationSettingsService, NOTIFICATION_KINDS, type EmailTopic } from '@ruche/notifications';
import {
  ApiErrors,
  ApiPageResponse,
  invalid,
  NoContent,
  notFound,
  type Page,
  PageQuery,
  Permission,
  Public,
  RequirePermission,
} from '@ruche/platform';
import { escapeHtml } from './templates.js';
import { SuppressionList, SuppressionView } from './suppression-list.js';
import { UnsubscribeLinks } from './unsubscribe-links.js';

export class UnsubscribeQuery {
  @IsString()
  @MaxLength(600)
  token: string;
}

/** Set only on success: an error is answered as JSON by the error filter. */
const HTML = 'text/html; charset=utf-8';
interface HtmlReply {
  header(name: string, value: string): unknown;
}

const TOPICS: ReadonlySet<string> = new Set<string>([...NOTIFICATION_KINDS, 'digest']);

function page(title: string, body: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:480px;margin:48px auto;padding:0 16px;line-height:1.5">` +
    `<h1 style="font-size:20px">${escapeHtml(title)}</h1>${body}</body></html>`
  );
}

/**
 * Unsubscribing from an email without signing in (a signed link: List-Unsubscribe, RFC 8058), and
 * the admins' view of the suppression list.
 */
@ApiTags('email')
@Controller()
export class EmailController {
  constructor(
    private readonly links: UnsubscribeLinks,
    private readonly settings: NotificationSettingsService,
    private readonly suppressions: SuppressionList,
  ) {}

  private target(token: string): { userId: string; topic: EmailTopic } {
    const target = this.links.verify(token);
    if (!target || !TOPICS.has(target.topic)) throw invalid('This unsubscribe link is not valid');
    return { userId: target.userId, topic: target.topic as EmailTopic };
  }

  /** The link in the email's footer: a page with one button (a GET never changes anything: link scanners follow links). */
  @Get('email/unsubscribe')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Unsubscribe page of a signed link (no sign-in); the button POSTs' })
  @ApiOkResponse({ description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiErrors({ invalid: 'The link is not valid' })
  confirm(@Query() query: UnsubscribeQuery, @Res({ passthrough: true }) reply: HtmlReply): string {
    const { topic } = this.target(query.token);
    reply.header('Content-Type', HTML);
    const what = topic === 'digest' ? 'the daily digest' : `“${topic}” notifications`;
    return page(
      'Unsubscribe from Ruche emails',
      `<p>Stop receiving ${escapeHtml(what)} by email? You keep seeing them in Ruche.</p>` +
        `<form method="post" action="?token=${encodeURIComponent(query.token)}">` +
        `<input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`,
    );
  }

  /** RFC 8058 one-click (the mail client POSTs `List-Unsubscribe=One-Click`), or the page's button. Idempotent. */
  @Post('email/unsubscribe')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058) from a signed link; turns that email off' })
  @ApiOkResponse({ description: 'A page saying it is done', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiErrors({ invalid: 'The link is not valid' })
  async unsubscribe(@Query() query: UnsubscribeQuery, @Res({ passthrough: true }) reply: HtmlReply): Promise<string> {
    const { userId, topic } = this.target(query.token);
    await this.settings.setEmail(userId, topic, false).catch((error: unknown) => {
      // The person is gone (a deleted account): nothing is sent to them anyway.
      if (String(error).includes('foreign key')) return;
      throw error;
    });
    reply.header('Content-Type', HTML);
    return page(
      'Unsubscribed',
      '<p>Done: you will no longer receive these emails. You can turn them back on in your notification settings.</p>',
    );
  }

  @Get('admin/email/suppressions')
  @ApiBearerAuth()
  @RequirePermission(Permission.ManageEmail)
  @ApiOperation({ summary: 'Addresses no email is sent to (bounces, permanent refusals), newest first (admin)' })
  @ApiPageResponse(SuppressionView)
  list(@Query() query: PageQuery): Promise<Page<SuppressionView>> {
    return this.suppressions.list(query);
  }

  @Delete('admin/email/suppressions/:address')
  @ApiBearerAuth()
  @RequirePermission(Permission.ManageEmail)
  @ApiOperation({ summary: 'Lift a suppression: email is sent to the address again (admin)' })
  @NoContent('Lifted')
  @ApiErrors({ notFound: 'The address is not suppressed' })
  async lift(@Param('address') address: string): Promise<void> {
    if (!(await this.suppressions.remove(address))) throw notFound('Suppression');
  }
}
