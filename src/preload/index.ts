/**
 * The sandboxed preload: `window.azho` with `invoke`, `on`, `upload` and `print`, nothing else. Built as one
 * CommonJS file because a sandboxed preload can require only 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { UploadBridge } from '../shared/contract';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('azho', createBridge(ipcRenderer) satisfies UploadBridge);
