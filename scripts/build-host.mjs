// Bundles the web host (plain Node) and its core worker beside it: out/host/{cli,coreWorker}.js.
// electron-vite builds the desktop shell; the host is the same core behind loopback HTTP.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/host/cli.ts', coreWorker: 'src/core/runtime/worker.ts', simulator: 'src/simulator/cli.ts', branch: 'src/branch/cli.ts' },
  outdir: 'out/host',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
});
