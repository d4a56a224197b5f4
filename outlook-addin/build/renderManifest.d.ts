export declare function renderManifest(template: string, options: { readonly baseUrl: string; readonly cprGuard?: boolean }): string;
