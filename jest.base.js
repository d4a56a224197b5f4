// Shared Jest settings for every workspace. Jest runs in ESM mode because jose 6 and
// msw's dependencies are ESM-only; ts-jest only transpiles (type checking is `tsc`'s job).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));

/** @returns {import('jest').Config} */
export function workspaceJestConfig(displayName, extra = {}) {
  return {
    displayName,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    moduleNameMapper: {
      '^@postbud/sdk$': path.join(root, 'sdk/src/index.ts'),
      '^@postbud/sdk/node$': path.join(root, 'sdk/src/runtime/node/index.ts'),
      '^@postbud/sandbox$': path.join(root, 'sandbox/src/index.ts'),
      '^@postbud/gateway$': path.join(root, 'gateway/src/index.ts'),
      '^@postbud/outlook-addin/preview$': path.join(root, 'outlook-addin/preview/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    transform: {
      '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: { isolatedModules: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', verbatimModuleSyntax: true, sourceMap: true } , diagnostics: false }],
    },
    testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
    testTimeout: 30_000,
    ...extra,
  };
}
