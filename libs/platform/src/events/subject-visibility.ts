import { Injectable } from '@nestjs/common';
import type { EventSubject } from './domain-events.js';

/** Given a viewer and subject ids, answers which of them the viewer may see now. */
export type VisibilityCheck = (viewerId: string, ids: string[]) => Promise<Set<string>>;

/** Given a container's id (a group) and subject ids (posts), answers which of them lie inside it. */
export type ContainmentCheck = (containerId: string, ids: string[]) => Promise<Set<string>>;

/**
 * The single "may U see X" answer, per subject type, registered by the module that owns X.
 * Realtime subscriptions and event replay ask here, so they agree with the REST read paths.
 * A type nobody registered is never visible (deny by default).
 */
@Injectable()
export class SubjectVisibility {
  private readonly checks = new Map<string, VisibilityCheck>();
  private readonly containments = new Map<string, ContainmentCheck>();

  register(subjectType: string, check: VisibilityCheck): void {
    this.checks.set(subjectType, check);
  }

  /**
   * Lets a change to a container (a group going private) be narrowed to the subjects it holds, so
   * live delivery re-checks the people watching those subjects instead of everyone watching any.
   */
  registerContainment(subjectType: string, containerType: string, check: ContainmentCheck): void {
    this.containments.set(`${subjectType}<${containerType}`, check);
  }

  /**
   * Which of `ids` lie inside `container`. Nobody registered: all of them, since a caller that
   * re-checks access must rather check too much than miss a subject that lost its readers.
   */
  async within(subjectType: string, container: EventSubject, ids: string[]): Promise<Set<string>> {
    const check = this.containments.get(`${subjectType}<${container.type}`);
    if (!check || ids.length === 0) return new Set(ids);
    return check(container.id, ids);
  }

  /** Whether a module registered the visibility of this subject type. */
  covers(subjectType: string): boolean {
    return this.checks.has(subjectType);
  }

  async visibleIds(viewerId: string, subjectType: string, ids: string[]): Promise<Set<string>> {
    const check = this.checks.get(subjectType);
    if (!check || ids.length === 0) return new Set();
    return check(viewerId, ids);
  }

  /** Which of `subjects`, of any types, the viewer may see now, as `type:id` keys (a content room's name). */
  async visibleSubjects(viewerId: string, subjects: readonly EventSubject[]): Promise<Set<string>> {
    const idsByType = new Map<string, Set<string>>();
    for (const { type, id } of subjects) idsByType.set(type, (idsByType.get(type) ?? new Set()).add(id));
    const visible = new Set<string>();
    for (const [type, ids] of idsByType) {
      for (const id of await this.visibleIds(viewerId, type, [...ids])) visible.add(`${type}:${id}`);
    }
    return visible;
  }

  async canSee(viewerId: string, subjectType: string, id: string): Promise<boolean> {
    return (await this.visibleIds(viewerId, subjectType, [id])).has(id);
  }
}
