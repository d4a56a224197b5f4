export declare const OFFICE_JS_URL: string;
export declare function addinBuildConfig(mode: 'development' | 'production'): {
  readonly baseUrl: string;
  readonly addinConfig: Readonly<Record<string, unknown>>;
};
