import { Module } from '@nestjs/common';
import { FilesModule } from '@ruche/files';
import { IdentityModule } from '@ruche/identity';
import { ErasureService } from './erasure.service.js';
import { ExportsService } from './exports.service.js';
import { PrivacyController } from './privacy.controller.js';
import { PrivacyPersonalData } from './privacy-personal-data.js';

/**
 * Personal data (#15): exports and erasure. Owns personal_data_exports. A coordinator: every module
 * holding a person's data registers what it holds on platform's PersonalDataRegistry, and this
 * module only calls those registrations (never another module's tables). Imports identity (to lock
 * and confirm the account) and files (archives are stored where uploads are); nobody imports it.
 */
@Module({
  imports: [IdentityModule, FilesModule],
  controllers: [PrivacyController],
  providers: [ExportsService, ErasureService, PrivacyPersonalData],
  exports: [ExportsService, ErasureService],
})
export class PrivacyModule {}
