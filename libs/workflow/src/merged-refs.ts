/** One row of claim_sources: a claim's reference to a source, in a role, at a position. */
export interface ClaimRef {
  claimId: string;
  role: 'source' | 'via';
  position: number;
  sourceId: string;
  mention: string;
}

/**
 * A claim's references once `from` is merged into `into`: every reference to `from` names
 * `into`, and a claim that cited both in one role keeps one reference, the first (with its
 * mention); positions are renumbered from 0 without gaps, in their old order.
 */
export function mergeRefs(refs: readonly ClaimRef[], from: string, into: string): ClaimRef[] {
  const groups = new Map<string, ClaimRef[]>();
  for (const ref of refs) {
    const key = `${ref.claimId}|${ref.role}`;
    const group = groups.get(key) ?? [];
    groups.set(key, group);
    group.push({ ...ref, sourceId: ref.sourceId === from ? into : ref.sourceId });
  }
  const merged: ClaimRef[] = [];
  for (const group of groups.values()) {
    const seen = new Set<string>();
    group.sort((a, b) => a.position - b.position);
    for (const ref of group) {
      if (seen.has(ref.sourceId)) continue;
      seen.add(ref.sourceId);
      merged.push({ ...ref, position: seen.size - 1 });
    }
  }
  return merged;
}
