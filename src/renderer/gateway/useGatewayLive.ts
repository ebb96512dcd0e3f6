import { useEffect } from 'react';
import { on } from '../client/client';
import { useGateway } from './gatewayStore';

/** While the workstation frame is up: the link's state fetched once, then followed from the core's pushes. */
export function useGatewayLive(): void {
  useEffect(() => {
    void useGateway.getState().loadStatus();
    return on('gateway.changed', (status) => useGateway.getState().statusChanged(status));
  }, []);
}
