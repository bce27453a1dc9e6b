// Type declarations for import.meta.hot as provided by Hmr.Build (Vite's HMR API).
// Reference it from a jsconfig.json / tsconfig.json ("types") or with /// <reference path="..."/>.

export interface HmrPayloadError {
  message: string;
  stack: string;
  id: string;
  frame?: string;
  loc?: { file: string; line: number; column: number };
}

export interface HmrUpdate {
  type: "js-update" | "css-update";
  timestamp: number;
  path: string;
  acceptedPath: string;
  explicitImportRequired: boolean;
  isWithinCircularImport: boolean;
  firstInvalidatedBy?: string;
  preload?: string[];
}

export interface HmrEventMap {
  "vite:beforeUpdate": { type: "update"; updates: HmrUpdate[] };
  "vite:afterUpdate": { type: "update"; updates: HmrUpdate[] };
  "vite:beforeFullReload": { type: "full-reload"; path?: string; triggeredBy?: string };
  "vite:beforePrune": { type: "prune"; paths: string[] };
  "vite:invalidate": { path: string; message?: string; firstInvalidatedBy?: string };
  "vite:error": { type: "error"; err: HmrPayloadError };
  "vite:ws:connect": { webSocket: WebSocket };
  "vite:ws:disconnect": { webSocket: WebSocket };
}

export type ModuleNamespace = Record<string, any> & { [Symbol.toStringTag]: "Module" };

export interface HmrHotContext {
  /** Kept across versions of this module; mutate it, do not reassign it. */
  readonly data: any;

  /** Accept updates of this module (self-accepting). */
  accept(): void;
  accept(cb: (mod: ModuleNamespace | undefined) => void): void;
  /** Accept updates of a direct import. */
  accept(dep: string, cb: (mod: ModuleNamespace | undefined) => void): void;
  accept(deps: readonly string[], cb: (mods: Array<ModuleNamespace | undefined>) => void): void;

  /** Partial self-accept: importers using only these exports need not re-run. */
  acceptExports(exportNames: string | readonly string[], cb?: (mod: ModuleNamespace | undefined) => void): void;

  /** Clean up before this module is replaced. */
  dispose(cb: (data: any) => void | Promise<void>): void;
  /** Clean up when this module is no longer imported by the page. */
  prune(cb: (data: any) => void | Promise<void>): void;
  /** Give up on this update: the importers are updated instead. */
  invalidate(message?: string): void;
  /** Accepted and ignored (compatibility). */
  decline(): void;

  on<T extends string>(event: T, cb: (payload: T extends keyof HmrEventMap ? HmrEventMap[T] : any) => void): void;
  off<T extends string>(event: T, cb: (payload: T extends keyof HmrEventMap ? HmrEventMap[T] : any) => void): void;
  /** Sends a custom event to the server (buffered until the socket is open). */
  send<T extends string>(event: T, data?: any): void;
}

/** Vite's name for the same interface, so code written for Vite type-checks unchanged. */
export type ViteHotContext = HmrHotContext;

declare global {
  interface ImportMeta {
    /** Present only while the app runs under Hmr.Build in development. */
    readonly hot?: HmrHotContext;
  }
}
