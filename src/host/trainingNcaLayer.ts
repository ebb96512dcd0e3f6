/**
 * Training's NCALayer: the stand-in on loopback, signing with the training operator's key, so the
 * trainer can show "sign with NCALayer" where no real NCALayer is installed.
 */
import { readFileSync } from 'node:fs';
import { Pkcs12Signer } from '../core/pki/pkcs12Signer';
import { TRAINING_PASSWORD } from '../core/pki/trainingPki';
import { startNcaLayerStandIn, type NcaLayerStandIn } from '../simulator/ncaLayerStandIn';

export async function startTrainingNcaLayer(trainingPkiDir: string): Promise<NcaLayerStandIn> {
  const container = readFileSync(`${trainingPkiDir}/operator-valid.p12`);
  return startNcaLayerStandIn({ signer: new Pkcs12Signer(container, TRAINING_PASSWORD), port: 0 });
}
