// TEMPORARY (replaced by the signing handlers while they are being written).
import { AppError } from '../../shared/errors';
import type { HandlerGroup } from './types';

type Calls = 'signing.prepare' | 'signing.sign' | 'signing.get' | 'signing.settings' | 'signing.updateSettings';

const notYet = () => {
  throw new AppError('INTERNAL');
};

export function scansAndSigningHandlers(): HandlerGroup<Calls> {
  return {
    'signing.prepare': notYet, 'signing.sign': notYet, 'signing.get': notYet, 'signing.settings': notYet, 'signing.updateSettings': notYet,
  };
}
