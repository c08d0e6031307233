// Runs in the browser before any of the app's own modules (Next.js's instrumentation-client hook).
// zod 4 probes for eval (`new Function("")`) when it builds an object schema, to compile a faster
// parser; under the Content-Security-Policy (no 'unsafe-eval', docs/security.md) that probe is
// refused and reported as a violation even though zod catches it. Parsing without it is the same,
// only a little slower, which a form never notices.
import { config } from "zod";

config({ jitless: true });
