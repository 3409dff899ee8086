import { Module } from '@nestjs/common';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

/**
 * `GET /api/search`. Depends on the platform only: the modules that own searchable content
 * register their sources with `SearchSources` (platform), the way they register visibility.
 */
@Module({
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
