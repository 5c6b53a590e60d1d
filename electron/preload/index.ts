import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from './channels';
import { createBridge } from './create-bridge';

// Sandboxed: this file is bundled to CommonJS with the contract inlined (see build/bundle-electron.mjs).
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer));
