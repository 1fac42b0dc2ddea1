/*
 * Runs sandboxed with context isolation: it may only require 'electron', so it
 * is bundled into one CJS file (scripts/build-electron.mjs). It exposes the
 * platform contract and nothing else; ipcRenderer itself never reaches the page,
 * because with it a compromised page could invoke any channel or listen to all.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { PLATFORM_GLOBAL } from '../shared/platform/channels';
import type { PlatformApi } from '../shared/platform/contract';
import { createPlatformApi } from './bridge/platform-api';

const api = createPlatformApi(
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  (channel, listener) => {
    // The page's listener gets the payload only, never the event (its `sender` is ipcRenderer).
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
  },
) satisfies PlatformApi;

contextBridge.exposeInMainWorld(PLATFORM_GLOBAL, api);
