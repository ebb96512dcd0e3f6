/**
 * The NCALayer stand-in from the command line, signing with a training key container:
 *
 *   tsx scripts/ncalayer-stand-in.ts --p12 resources/training-pki/operator-valid.p12 \
 *     --password Training-2026 [--port 13579] [--mode sign] [--ca-out ncalayer-ca.pem]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Pkcs12Signer } from '../src/core/pki/pkcs12Signer';
import { STAND_IN_MODES, startNcaLayerStandIn, type StandInMode } from '../src/simulator/ncaLayerStandIn';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

{
  const p12 = arg('p12');
  const password = arg('password');
  const mode = (arg('mode') ?? 'sign') as StandInMode;
  if (!p12 || password === undefined || !STAND_IN_MODES.includes(mode)) {
    console.error(`usage: ncaLayerStandIn --p12 <file> --password <password> [--port 13579] [--mode ${STAND_IN_MODES.join('|')}] [--ca-out <file>]`);
    process.exit(2);
  }
  const standIn = await startNcaLayerStandIn({ signer: new Pkcs12Signer(readFileSync(p12), password), mode, port: Number(arg('port') ?? 13579) });
  const caOut = arg('ca-out');
  if (caOut) writeFileSync(caOut, standIn.caPem);
  console.log(`NCALayer stand-in on ${standIn.url} (${mode}); its CA:${caOut ? ` ${caOut}` : `\n${standIn.caPem}`}`);
  process.on('SIGINT', () => void standIn.close().then(() => process.exit(0)));
}
