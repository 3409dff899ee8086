import { Body, Get, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiController,
  ApiErrors,
  ApiFileResponse,
  type AuthUser,
  CurrentUser,
  EnumParam,
  Public,
  SocketAuthentication,
  unauthenticated,
  UuidParam,
} from '@ruche/platform';
import { AltDto, FileViewDto } from './dto.js';
import { contentDisposition } from './file-names.js';
import { ACTIVE_CONTENT_TYPES, TEXT_TYPES } from './file-types.js';
import { FileUrls } from './file-urls.js';
import { type FileDownload, FilesService } from './files.service.js';

/** Shown in a tab, not saved: raster images only (never SVG or HTML, never a document). */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** A downloaded file can run nothing and load nothing, even if a browser tried to render it. */
const SANDBOX_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";
/**
 * SVG and HTML (allowed by an admin): the strictest policy, nothing loaded, no style, no script, a
 * unique origin, never framed; and always `attachment`.
 */
const ACTIVE_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

@ApiController('files', 'files')
export class FilesController {
  constructor(
    private readonly files: FilesService,
    private readonly tokens: SocketAuthentication,
  ) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Upload one file (multipart, field "file"): typed from its content, scanned, images cleaned of metadata',
    description:
      'Attach it with attachmentIds when writing a post, comment, question, answer or idea; unattached, it is deleted after a day.',
  })
  @ApiCreatedResponse({ type: FileViewDto })
  upload(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest) {
    return this.files.upload(user, request);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Describe an image (alt text): its uploader only' })
  @ApiOkResponse({ type: FileViewDto })
  @ApiErrors({ notFound: true })
  describe(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: AltDto) {
    return this.files.setAlt(user, id, body.alt);
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    summary: 'Download: with a bearer token (as visible as its item), or with the signed link from a view (?exp=…&sig=…)',
  })
  @ApiFileResponse(['*/*'], 'The file as uploaded, under its own media type')
  @ApiErrors({ notFound: true })
  async original(
    @UuidParam('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() query: Record<string, unknown>,
  ) {
    await this.send(reply, await this.files.download(id, 'original', await this.access(request, query)), query);
  }

  @Get(':id/:variant')
  @Public()
  @ApiOperation({ summary: 'An image’s thumbnail (400 px) or web rendition (1600 px), WebP; same access as the file' })
  @ApiFileResponse(['image/webp'], 'The rendition')
  @ApiErrors({ notFound: true })
  async variant(
    @UuidParam('id') id: string,
    @EnumParam('variant', ['thumbnail', 'web']) variant: 'thumbnail' | 'web',
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() query: Record<string, unknown>,
  ) {
    await this.send(reply, await this.files.download(id, variant, await this.access(request, query)), query);
  }

  /** A signed link when it carries one; otherwise the bearer token, as every other route wants it. */
  private async access(request: FastifyRequest, query: Record<string, unknown>) {
    if (query.sig !== undefined || query.exp !== undefined) return { exp: query.exp, sig: query.sig };
    return { viewer: await bearerViewer(this.tokens, request) };
  }

  private async send(reply: FastifyReply, file: FileDownload, query: Record<string, unknown>): Promise<void> {
    const signed = typeof query.exp === 'string';
    await sendDownload(
      reply,
      file,
      signed ? `private, max-age=${FileUrls.secondsLeft(query.exp as string)}` : 'private, no-cache',
    );
  }
}

/** Sends a file with the headers every download carries (type, disposition, sandbox, ETag), cached as told. */
export async function sendDownload(reply: FastifyReply, file: FileDownload, cacheControl: string): Promise<void> {
  const inline = file.variant !== 'original' || INLINE_TYPES.has(file.contentType);
  void reply
    .header(
      'content-type',
      TEXT_TYPES.has(file.contentType) || ACTIVE_CONTENT_TYPES.has(file.contentType)
        ? `${file.contentType}; charset=utf-8`
        : file.contentType,
    )
    .header('content-length', String(file.object.size))
    .header(
      'content-disposition',
      contentDisposition(inline ? 'inline' : 'attachment', file.variant === 'original' ? file.name : `${file.name}.webp`),
    )
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', ACTIVE_CONTENT_TYPES.has(file.contentType) ? ACTIVE_CSP : SANDBOX_CSP)
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', cacheControl)
    .header('etag', `"${file.sha256.slice(0, 32)}${file.variant === 'original' ? '' : `-${file.variant}`}"`);
  await reply.send(file.object.body);
}

/** The signed-in caller of a route public to the guard (it also takes links): their bearer token, else 401. */
export async function bearerViewer(tokens: SocketAuthentication, request: FastifyRequest): Promise<AuthUser> {
  const header = request.headers.authorization;
  const token = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : '';
  const viewer = token ? await tokens.authenticate(token) : null;
  if (!viewer) throw unauthenticated();
  return viewer;
}
