/*
 * Runs sandboxed with context isolation: it may only require 'electron', so it
 * is bundled into one CJS file (scripts/build-electron.mjs). It exposes the
 * platform contract and nothing else; ipcRenderer itself never reaches the page,
 * because with it a compromised page could invoke any channel or listen to all.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { PLATFORM_GLOBAL } from '../shared/platform/channels';
import type { PlatformApi } from '../shared/platform/contract';
import { createPlatformApi } from './bridge/platform-api';

const api = createPlatformApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)) satisfies PlatformApi;

contextBridge.exposeInMainWorld(PLATFORM_GLOBAL, api);
