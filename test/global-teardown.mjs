export default async function globalTeardown() {
  await globalThis.__RUCHE_TEST_PG__?.stop();
}
