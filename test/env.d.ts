declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('../src/index.ts');
  }
}

declare module '*?raw' {
  const text: string;
  export default text;
}

declare namespace Cloudflare {
  interface Env {
    /** The migrations under migrations/, read by vitest.config.ts and applied by test/setup.ts. */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
