/**
 * The encryption key of every test app and of the template's demo seed, so personal data the
 * seed encrypted can be read in each test. Its own file, so global-setup can use it without
 * importing the harness (which needs vitest's test context).
 */
export const testEncryptionKey = Buffer.alloc(32, 7);
