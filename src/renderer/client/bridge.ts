/** Picks the host's bridge once: the desktop preload's `window.azho`, else the web host over HTTP. */
import type { Bridge } from '../../shared/contract';
import { httpBridge } from './httpBridge';

declare global {
  interface Window {
    azho?: Bridge;
  }
}

let chosen: Bridge | undefined;

export function bridge(): Bridge {
  chosen ??= typeof window !== 'undefined' && window.azho ? window.azho : httpBridge();
  return chosen;
}
