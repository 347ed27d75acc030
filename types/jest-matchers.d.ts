// The accessibility matcher that jest.setup.js registers from @sa11y/jest.
declare namespace jest {
  interface Matchers<R> {
    toBeAccessible(config?: unknown): Promise<R>;
  }
}
