/** Who may change what is indexed from Slack. The CLI is not asked: whoever runs it owns the database file. */

/**
 * Adding (or revising) a document: an admin, or someone named in INGEST_USERS. An empty INGEST_USERS means
 * admins only.
 * @example mayAddDocuments('U1', { admins: ['U1'], ingestUsers: [] }) // true
 */
export function mayAddDocuments(
  user: string,
  who: { admins: readonly string[]; ingestUsers: readonly string[] },
): boolean {
  return who.admins.includes(user) || who.ingestUsers.includes(user);
}

/** Removing a document takes its measures out of every search and orphans their follow-ups: admins only. */
export function mayRemoveDocuments(user: string, admins: readonly string[]): boolean {
  return admins.includes(user);
}
