import { Injectable } from '@nestjs/common';

export interface ScreeningResult {
  /** True when the text must be held for review instead of published. */
  held: boolean;
  /** Why: the blocked terms found (as configured), empty when not held. */
  terms: string[];
}

/** Judges a text about to be published. */
export type Screener = (text: string) => Promise<ScreeningResult>;

const PASS: ScreeningResult = { held: false, terms: [] };

/**
 * Screening before publication: moderation registers its screener (blocked terms); modules that
 * publish text call `screen` before a create or an edit and hold the content when told to. With
 * no screener registered nothing is held, so content modules work without moderation.
 */
@Injectable()
export class ContentScreening {
  private readonly screeners: Screener[] = [];

  register(screener: Screener): void {
    this.screeners.push(screener);
  }

  async screen(text: string): Promise<ScreeningResult> {
    if (this.screeners.length === 0) return PASS;
    const results = await Promise.all(this.screeners.map((screener) => screener(text)));
    const terms = [...new Set(results.flatMap((r) => r.terms))];
    return { held: results.some((r) => r.held), terms };
  }
}
