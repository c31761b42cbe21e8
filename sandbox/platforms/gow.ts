import type { PlatformSim } from '../types';

// Placeholder so the router compiles while the simulator is being written; replaced in this issue.
export function createGowSim(): PlatformSim {
  return { id: 'gow', handle: () => undefined, reset: () => undefined };
}
