import { workspaceJestConfig } from '../jest.base.js';

// Regenerating the reference runs typedoc over the SDK: allow for a busy machine.
export default workspaceJestConfig('docs', { testTimeout: 180_000 });
