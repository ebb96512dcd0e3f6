// TEMPORARY (replaced by the scan store and the signing handlers while they are being written).
import { AppError } from '../../shared/errors';
import type { HandlerGroup } from './types';

type Calls =
  | 'scans.list' | 'scans.add' | 'scans.view' | 'scans.rotate' | 'scans.reorder' | 'scans.remove' | 'scans.fromScanner' | 'scans.capabilities'
  | 'signing.prepare' | 'signing.sign' | 'signing.get' | 'signing.settings' | 'signing.updateSettings';

const notYet = () => {
  throw new AppError('INTERNAL');
};

export function scansAndSigningHandlers(): HandlerGroup<Calls> {
  return {
    'scans.list': notYet, 'scans.add': notYet, 'scans.view': notYet, 'scans.rotate': notYet, 'scans.reorder': notYet,
    'scans.remove': notYet, 'scans.fromScanner': notYet, 'scans.capabilities': notYet,
    'signing.prepare': notYet, 'signing.sign': notYet, 'signing.get': notYet, 'signing.settings': notYet, 'signing.updateSettings': notYet,
  };
}
