import {
  Body,
  Controller,
  createParamDecorator,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@ruche/platform';
import { ScimAuthGuard } from './scim-auth.guard.js';
import { SCIM_MEDIA_TYPE, ScimExceptionFilter } from './scim-errors.js';
import { ScimGroupsService } from './scim-groups.service.js';
import { ScimUsersService } from './scim-users.service.js';

type Json = Record<string, unknown>;
type ListQuery = { filter?: string; startIndex?: string; count?: string; excludedAttributes?: string };

/** What a PUT or PATCH on `Users/:id` or `Groups/:id` works with: one decorator instead of five per handler. */
type ScimWriteArgs = { id: string; body: unknown; ifMatch: string | undefined; base: string; reply: FastifyReply };

const ScimWrite = createParamDecorator((_: unknown, context: ExecutionContext): ScimWriteArgs => {
  const http = context.switchToHttp();
  const request = http.getRequest<FastifyRequest<{ Params: { id: string } }>>();
  return {
    id: request.params.id,
    body: request.body,
    ifMatch: request.headers['if-match'],
    base: scimBase(request),
    reply: http.getResponse<FastifyReply>(),
  };
});

/** The base URL resources' `meta.location` starts with, as the client reached us. */
export function scimBase(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}/api/scim/v2`;
}

/**
 * SCIM 2.0 (RFC 7644) for the company's identity provider: its own bearer token (not a person's),
 * its own error schema and media type. Left out of the OpenAPI document: SCIM is described by its
 * RFCs and `/ServiceProviderConfig`, and its bodies are SCIM resources, not Ruche DTOs.
 */
@ApiExcludeController()
@Public()
@UseGuards(ScimAuthGuard)
@UseFilters(ScimExceptionFilter)
@Controller('scim/v2')
export class ScimController {
  constructor(
    private readonly users: ScimUsersService,
    private readonly groups: ScimGroupsService,
  ) {}

  @Get('ServiceProviderConfig')
  @Header('content-type', SCIM_MEDIA_TYPE)
  serviceProviderConfig(): Json {
    return {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: true },
      authenticationSchemes: [
        { type: 'oauthbearertoken', name: 'Bearer token', description: 'SCIM_TOKEN, set on the Ruche server', primary: true },
      ],
    };
  }

  @Get('Users')
  @Header('content-type', SCIM_MEDIA_TYPE)
  listUsers(@Query() query: ListQuery, @Req() request: FastifyRequest): Promise<Json> {
    return this.users.list(query, scimBase(request));
  }

  @Post('Users')
  @HttpCode(201)
  @Header('content-type', SCIM_MEDIA_TYPE)
  async createUser(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Json> {
    return withEtag(reply, await this.users.create(body, scimBase(request)));
  }

  @Get('Users/:id')
  @Header('content-type', SCIM_MEDIA_TYPE)
  async getUser(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Json> {
    return withEtag(reply, await this.users.get(id, scimBase(request)));
  }

  @Put('Users/:id')
  @Header('content-type', SCIM_MEDIA_TYPE)
  async replaceUser(@ScimWrite() w: ScimWriteArgs): Promise<Json> {
    return withEtag(w.reply, await this.users.replace(w.id, w.body, w.ifMatch, w.base));
  }

  @Patch('Users/:id')
  @Header('content-type', SCIM_MEDIA_TYPE)
  async patchUser(@ScimWrite() w: ScimWriteArgs): Promise<Json> {
    return withEtag(w.reply, await this.users.patch(w.id, w.body, w.ifMatch, w.base));
  }

  @Delete('Users/:id')
  @HttpCode(204)
  async deleteUser(@Param('id') id: string): Promise<void> {
    await this.users.remove(id);
  }

  @Get('Groups')
  @Header('content-type', SCIM_MEDIA_TYPE)
  listGroups(@Query() query: ListQuery, @Req() request: FastifyRequest): Promise<Json> {
    return this.groups.list(query, scimBase(request));
  }

  @Post('Groups')
  @HttpCode(201)
  @Header('content-type', SCIM_MEDIA_TYPE)
  async createGroup(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Json> {
    return withEtag(reply, await this.groups.create(body, scimBase(request)));
  }

  @Get('Groups/:id')
  @Header('content-type', SCIM_MEDIA_TYPE)
  async getGroup(
    @Param('id') id: string,
    @Query('excludedAttributes') excludedAttributes: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Json> {
    return withEtag(reply, await this.groups.get(id, scimBase(request), excludedAttributes));
  }

  @Put('Groups/:id')
  @Header('content-type', SCIM_MEDIA_TYPE)
  async replaceGroup(@ScimWrite() w: ScimWriteArgs): Promise<Json> {
    return withEtag(w.reply, await this.groups.replace(w.id, w.body, w.ifMatch, w.base));
  }

  @Patch('Groups/:id')
  @Header('content-type', SCIM_MEDIA_TYPE)
  async patchGroup(@ScimWrite() w: ScimWriteArgs): Promise<Json> {
    return withEtag(w.reply, await this.groups.patch(w.id, w.body, w.ifMatch, w.base));
  }

  @Delete('Groups/:id')
  @HttpCode(204)
  async deleteGroup(@Param('id') id: string): Promise<void> {
    await this.groups.remove(id);
  }
}

/** The resource's version as the ETag header too (RFC 7644 §3.14). */
function withEtag(reply: FastifyReply, resource: Json): Json {
  const version = (resource.meta as Json | undefined)?.version;
  if (typeof version === 'string') void reply.header('etag', version);
  return resource;
}
