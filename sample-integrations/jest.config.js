import { workspaceJestConfig } from '../jest.base.js';

// Each sample keeps its tests beside it: <sample>/test/*.test.ts and <sample>/src/**/*.test.ts.
export default workspaceJestConfig('sample-integrations', {
  testMatch: ['<rootDir>/*/test/**/*.test.ts', '<rootDir>/*/src/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
});
