/**
 * Freezes `value` and everything reachable from it, so a value handed to several callers cannot be changed by
 * one for the others (in strict mode a write throws). Returns `value`.
 *
 * @example const shared = deepFreeze({ hits: [{ id: 'a' }] }); shared.hits.push(x); // TypeError
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
