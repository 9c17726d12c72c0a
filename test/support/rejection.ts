// For calls that must fail: the error they rejected with, typed as the test
// expects it; a call that succeeds fails the test here.
export async function rejection<E = Error>(call: Promise<unknown>): Promise<E> {
  try {
    await call;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the call to fail, it succeeded');
}
