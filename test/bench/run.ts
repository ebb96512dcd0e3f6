export {};
/** `npm run bench`: every benchmark, one after another (they share two cores; never in parallel). */
const only = process.argv[2];
const suites = ['foundation', 'cases', 'queue', 'gateway', 'scans', 'branch', 'reports', 'backup'];
for (const suite of suites.filter((s) => !only || s === only)) {
  process.stdout.write(`\n## ${suite}\n`);
  await import(`./${suite}.bench.ts`);
}
