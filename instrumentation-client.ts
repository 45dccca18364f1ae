import { z } from "zod";

/*
 * Runs in the browser before the app. Zod compiles object parsers with `new Function` where eval is allowed, and
 * probes for it on the first parse. The Content-Security-Policy (proxy.ts) allows no eval: the probe fails quietly
 * but the browser still reports it as a violation. Parse without compiling, and without the probe.
 */
z.config({ jitless: true });
