/** Time is an argument: services and jobs take a Clock instead of calling `new Date()` themselves. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function fixedClock(at: Date | string): Clock {
  const d = typeof at === 'string' ? new Date(at) : at;
  return () => new Date(d.getTime());
}
