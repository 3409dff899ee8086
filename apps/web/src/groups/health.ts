import { can } from '../admin/roles';
import type { Group, Role } from '../api/types';
import { isManager } from './cache';

/**
 * Who reads a group's health (mirrors the api): its owners and admins, and the people who read
 * company analytics when they can see the group's content.
 */
export function mayReadHealth(group: Group, roles: readonly Role[]): boolean {
  if (isManager(group.myRole)) return true;
  return can.analytics(roles) && (group.visibility === 'public' || group.myRole === 'member');
}
