import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry, tableOwner } from '@ruche/platform';

/**
 * Link previews' share of a person's data (#15): who first asked for a page's preview. A preview
 * is the page's, shared by everyone who links it: erasure keeps it and forgets who asked.
 */
@Injectable()
export class PreviewsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(tableOwner('previews', [{ table: 'link_previews', columns: ['requested_by'], erase: 'null' }]));
  }
}
