const storageKey = (id: string) => `sharefin.applicant.${id}`;

/**
 * The applicant's token is the only key to an application before the merchant exists. It
 * arrives in the link's hash (never sent to a server in requests for pages or kept in its
 * logs) or was stored on this phone when the application was started.
 */
export function readApplicantToken(id: string, hash: string): string | undefined {
  const fromLink = decodeURIComponent(hash.replace(/^#/, '')).trim();
  if (fromLink) {
    storeApplicantToken(id, fromLink);
    return fromLink;
  }
  try {
    return window.localStorage.getItem(storageKey(id)) ?? undefined;
  } catch {
    // Private browsing can refuse storage; the link still works.
    return undefined;
  }
}

export function storeApplicantToken(id: string, token: string): void {
  try {
    window.localStorage.setItem(storageKey(id), token);
  } catch {
    // See readApplicantToken: the continue link is the fallback.
  }
}

/** The link the applicant keeps to come back: the token travels in the hash. */
export function continueLink(id: string, token: string): string {
  return `${window.location.origin}/apply/${encodeURIComponent(id)}#${encodeURIComponent(token)}`;
}
