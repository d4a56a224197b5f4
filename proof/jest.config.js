import { workspaceJestConfig } from '../jest.base.js';

export default workspaceJestConfig('proof');
