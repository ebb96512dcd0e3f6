/** Picks the host's bridge once: the desktop preload's `window.azho`, else the web host over HTTP. */
import type { UploadBridge } from '../../shared/contract';
import { httpBridge } from './httpBridge';

declare global {
  interface Window {
    azho?: UploadBridge;
  }
}

let chosen: UploadBridge | undefined;

export function bridge(): UploadBridge {
  chosen ??= typeof window !== 'undefined' && window.azho ? window.azho : httpBridge();
  return chosen;
}
