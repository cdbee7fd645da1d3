/**
 * Keeps ids stable across re-ingests. Follow-ups point at measure, task and target ids, so an item that is
 * still there must keep its id even when its text changed or items were inserted before it:
 *   1. an old item with the same content keeps its id (moved or renumbered items);
 *   2. otherwise an old item with the same key (label for measures, position for tasks) keeps its id (edited);
 *   3. otherwise the item gets its preferred id, or a fresh one, never the id of an item that vanished
 *      (a follow-up on a vanished item must not silently move to a different one).
 */

export interface ExistingItem {
  id: string;
  key: string;
  hash: string;
}

export interface IncomingItem {
  key: string;
  hash: string;
  preferredId: string;
}

export function assignIds(
  existing: ExistingItem[],
  incoming: IncomingItem[],
  fresh: (preferredId: string, attempt: number) => string,
): string[] {
  const result: (string | undefined)[] = new Array(incoming.length).fill(undefined);
  const used = new Set<string>();
  const byHash = new Map<string, ExistingItem[]>();
  for (const e of existing) byHash.set(e.hash, [...(byHash.get(e.hash) ?? []), e]);

  incoming.forEach((item, i) => {
    const match = (byHash.get(item.hash) ?? []).find((e) => !used.has(e.id));
    if (match) {
      result[i] = match.id;
      used.add(match.id);
    }
  });
  incoming.forEach((item, i) => {
    if (result[i]) return;
    const match = existing.find((e) => e.key === item.key && !used.has(e.id));
    if (match) {
      result[i] = match.id;
      used.add(match.id);
    }
  });
  const reserved = new Set(existing.map((e) => e.id));
  incoming.forEach((item, i) => {
    if (result[i]) return;
    let candidate = item.preferredId;
    for (let attempt = 1; used.has(candidate) || reserved.has(candidate); attempt++) {
      candidate = fresh(item.preferredId, attempt);
    }
    result[i] = candidate;
    used.add(candidate);
  });
  return result as string[];
}

/** `abcd-4` → `abcd-4-b`, `abcd-4-c`… */
export function suffixFresh(preferredId: string, attempt: number): string {
  return `${preferredId}-${'bcdefghjkmnpqrstuvwxyz'[(attempt - 1) % 22]}${attempt > 22 ? attempt : ''}`;
}
