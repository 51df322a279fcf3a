import { z } from 'zod';

// zod 4 compiles an object schema into a function (new Function) on its first parse: worth it
// for a schema parsed thousands of times, not for the few parses of a build. Measured on a
// theme-sized schema: the first parse takes 5–8 ms compiled against 2–3 ms without, and later
// parses are faster without too at these sizes. Every schema of jianbao imports z from here.
z.config({ jitless: true });

export { z };
