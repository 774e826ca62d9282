import { defineConfig } from 'vitest/config';

// Unit tests: pure logic and components' logic, no browser, no PBX.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'lib/**/*.test.ts'],
    environment: 'node',
  },
});
