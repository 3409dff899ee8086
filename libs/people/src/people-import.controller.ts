import { Get, HttpException, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IsIn, IsOptional } from 'class-validator';
import {
  ApiController,
  ApiFileResponse,
  type AuthUser,
  CurrentUser,
  DomainError,
  invalid,
  Permission,
  RequirePermission,
  UuidParam,
} from '@ruche/platform';
import { IMPORT_COLUMNS, IMPORT_LIMITS } from './people-import-csv.js';
import { PeopleImportView } from './dto.js';
import { PeopleImportService } from './people-import.service.js';

export class ImportQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'true',
    description: 'true (default): only report; false: report and apply',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}

/** What the import reads: a multipart upload (field `file`) or the CSV as the body (`text/csv`). */
async function csvText(request: FastifyRequest): Promise<{ name: string; text: string }> {
  if (request.isMultipart()) {
    let part;
    try {
      part = await request.file({ limits: { fileSize: IMPORT_LIMITS.bytes, files: 1, fields: 0, parts: 1 } });
      if (!part) throw invalid('No file: send it in a field named "file"', 'csv_invalid');
      if (part.fieldname !== 'file') throw invalid('Send the file in a field named "file"', 'csv_invalid');
      const buffer = await part.toBuffer();
      return { name: part.filename ?? '', text: decode(buffer) };
    } catch (error) {
      if ((error as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE')
        throw new HttpException(
          { message: `The file is larger than ${IMPORT_LIMITS.bytes} bytes`, code: 'csv_invalid' },
          HttpStatus.PAYLOAD_TOO_LARGE,
        );
      if (error instanceof DomainError) throw error;
      throw invalid(`Malformed multipart body: ${(error as Error)?.message ?? 'unreadable'}`, 'csv_invalid');
    }
  }
  if (typeof request.body === 'string') return { name: '', text: request.body };
  throw invalid('Send the CSV file as multipart/form-data (field "file") or as a text/csv body', 'csv_invalid');
}

/** UTF-8 only: a file in another encoding would be imported garbled, so it is refused. */
function decode(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw invalid('The file must be UTF-8 text', 'csv_invalid');
  }
}

@ApiController('people', 'admin/people/imports')
export class PeopleImportController {
  constructor(private readonly imports: PeopleImportService) {}

  @Post()
  @RequirePermission(Permission.ManageDirectory)
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiOperation({
    summary: 'Import people from a CSV file: a dry run by default (a report of what would change), or apply (dryRun=false)',
    description: `Header row required; columns ${IMPORT_COLUMNS.join(', ')} (email required). At most ${IMPORT_LIMITS.rows} rows and ${IMPORT_LIMITS.bytes} bytes. An empty cell keeps what the person has.`,
  })
  @ApiCreatedResponse({ type: PeopleImportView })
  async create(
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Query() query: ImportQuery,
  ): Promise<PeopleImportView> {
    const { name, text } = await csvText(request);
    return this.imports.create(user.id, name, text, query.dryRun === 'false');
  }

  @Get(':id')
  @RequirePermission(Permission.ManageDirectory)
  @ApiOperation({
    summary: 'An import: status, progress (processed of total), the dry run report and, once applied, the outcome',
  })
  @ApiOkResponse({ type: PeopleImportView })
  get(@UuidParam('id') id: string): Promise<PeopleImportView> {
    return this.imports.get(id);
  }

  @Post(':id/apply')
  @RequirePermission(Permission.ManageDirectory)
  @ApiOperation({ summary: 'Apply a dry run (as a job; follow its progress with GET). 409 while another import applies' })
  @ApiCreatedResponse({ type: PeopleImportView, description: 'The import, queued' })
  apply(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PeopleImportView> {
    return this.imports.start(user.id, id);
  }

  @Get(':id/report.csv')
  @RequirePermission(Permission.ManageDirectory)
  @ApiOperation({ summary: "The report as CSV (cells that a spreadsheet would run as formulas are prefixed with ')" })
  @ApiFileResponse(['text/csv'], 'Columns line, email, action, changes, errors')
  async report(@UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const csv = await this.imports.reportCsv(id);
    // Set only once the report exists: a refusal stays a JSON error body.
    void reply.header('Content-Type', 'text/csv; charset=utf-8');
    void reply.header('Content-Disposition', 'attachment; filename="people-import-report.csv"');
    return csv;
  }
}
