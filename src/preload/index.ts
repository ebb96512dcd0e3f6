/**
 * The sandboxed preload: `window.azho` with `invoke` and `on`, nothing else. Built as one
 * CommonJS file because a sandboxed preload can require only 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../shared/contract';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('azho', createBridge(ipcRenderer) satisfies Bridge);
