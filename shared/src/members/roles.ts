// Plain data and rules, no schema: the task pane imports this without loading zod.
export const roles = ['rep', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { rep: 1, manager: 2, admin: 3 };

/** Whether someone with these roles may do what `needed` may: an admin can do all a manager can, a manager all a rep can. */
export function hasRole(held: readonly Role[], needed: Role): boolean {
  return held.some((role) => rank[role] >= rank[needed]);
}

/** The role that can do the most of these (a rep when there are none). */
export function highestRole(held: readonly Role[]): Role {
  return held.reduce<Role>((best, role) => (rank[role] > rank[best] ? role : best), 'rep');
}
