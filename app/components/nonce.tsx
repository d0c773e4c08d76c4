import { createContext, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;

/** The CSP nonce on the server; undefined in the browser, which never needs it after load. */
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
