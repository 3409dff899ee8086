import { Injectable } from '@nestjs/common';
import { PersonalDataShare, tableOwner } from '@ruche/platform';

/**
 * Link previews' share of a person's data (#15): who first asked for a page's preview. A preview
 * is the page's, shared by everyone who links it: erasure keeps it and forgets who asked.
 */
@Injectable()
export class PreviewsPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner('previews', [{ table: 'link_previews', columns: ['requested_by'], erase: 'null' }]);
}
