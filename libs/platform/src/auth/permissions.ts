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
  /** The unanswered-questions queue (#17): moderators and analytics readers. */
  ReadUnansweredQuestions = 'questions:unanswered',
  /** Publish the company's training paths (a group's own paths are its owners' and admins'). */
  ManageTraining = 'training:manage',
  /** Publish must-read announcements to the whole company (a group's own: its owners and admins). */
  PublishAnnouncements = 'announcements:publish',
  /** See and lift the email suppression list (bounced addresses). */
  ManageEmail = 'email:manage',
  /** The allow/deny list of hosts link previews may be fetched from (#14). */
  ManageLinkPreviews = 'link_previews:manage',
  /** Set people's managers and import people from a CSV file (#15, the org directory). */
  ManageDirectory = 'directory:manage',
}

const GRANTS: Record<Role, readonly Permission[]> = {
  employee: [],
  innovation: [Permission.RunCampaigns, Permission.ReadAnalytics, Permission.ReadUnansweredQuestions],
  moderator: [Permission.ModerateContent, Permission.ReadAudit, Permission.ReadUnansweredQuestions],
  admin: [
    Permission.AssignRoles,
    Permission.ReadAudit,
    Permission.ReadAnalytics,
    Permission.ManageSkills,
    Permission.ManageTraining,
    Permission.PublishAnnouncements,
    Permission.ReadUnansweredQuestions,
    Permission.ManageEmail,
    Permission.ManageLinkPreviews,
    Permission.ManageDirectory,
  ],
};

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return roles.some((role) => (GRANTS[role as Role] ?? []).includes(permission));
}

/** {@link hasPermission} as a SQL condition on a `text[]` of roles (for a statement that reads them itself). */
export function hasPermissionSql(roles: string, permission: Permission): string {
  const granted = (Object.keys(GRANTS) as Role[]).filter((role) => GRANTS[role].includes(permission));
  return granted.length ? `(${roles} && ARRAY[${granted.map((role) => `'${role}'`).join(', ')}]::text[])` : 'FALSE';
}
