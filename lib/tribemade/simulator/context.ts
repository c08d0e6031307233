// What every handler needs besides the request: the state, the clock, the randomness, and where
// the simulator itself is reachable (for product image URLs).

import type { RateLimiter } from "./rate-limit";
import type { Random } from "./random";
import type { SimulatorState } from "./state";

export type SimulatorContext = {
  state: SimulatorState;
  limiter: RateLimiter;
  now: () => number;
  random: Random;
  /** "http://127.0.0.1:PORT"; set once the server listens. */
  publicUrl: string;
  webhookTimeoutMs: number;
};
