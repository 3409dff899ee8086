import { Injectable } from '@nestjs/common';

/** Given a viewer and subject ids, answers which of them the viewer may see now. */
export type VisibilityCheck = (viewerId: string, ids: string[]) => Promise<Set<string>>;

/**
 * The single "may U see X" answer, per subject type, registered by the module that owns X.
 * Realtime subscriptions and event replay ask here, so they agree with the REST read paths.
 * A type nobody registered is never visible (deny by default).
 */
@Injectable()
export class SubjectVisibility {
  private readonly checks = new Map<string, VisibilityCheck>();

  register(subjectType: string, check: VisibilityCheck): void {
    this.checks.set(subjectType, check);
  }

  async visibleIds(viewerId: string, subjectType: string, ids: string[]): Promise<Set<string>> {
    const check = this.checks.get(subjectType);
    if (!check || ids.length === 0) return new Set();
    return check(viewerId, ids);
  }

  async canSee(viewerId: string, subjectType: string, id: string): Promise<boolean> {
    return (await this.visibleIds(viewerId, subjectType, [id])).has(id);
  }
}
