/**
 * Zod compiles object parsers with `new Function` when it may; under the renderer's CSP
 * (`script-src 'self'`, no 'unsafe-eval') its first probe of that is a reported violation. The
 * interpreted parsers are fast enough for the contract's answers, so zod is told not to try.
 * Imported first by main.tsx, before any schema parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
