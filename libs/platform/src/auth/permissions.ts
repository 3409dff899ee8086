/** Roles and what they may do, as plain data: services ask for a permission, never a role. */
import type { Role } from '@ruche/contracts';

export { ROLES, type Role } from '@ruche/contracts';

export enum Permission {
  AssignRoles = 'roles:assign',
  ModerateContent = 'content:moderate',
  ReadAudit = 'audit:read',
  RunCampaigns = 'campaigns:run',
  ReadAnalytics = 'analytics:read',
  /** Edit the skill synonym table expert search and question topics go through. */
  ManageSkills = 'skills:manage',
}

const GRANTS: Record<Role, readonly Permission[]> = {
  employee: [],
  innovation: [Permission.RunCampaigns, Permission.ReadAnalytics],
  moderator: [Permission.ModerateContent, Permission.ReadAudit],
  admin: [Permission.AssignRoles, Permission.ReadAudit, Permission.ReadAnalytics, Permission.ManageSkills],
};

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return roles.some((role) => (GRANTS[role as Role] ?? []).includes(permission));
}
