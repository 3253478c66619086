/**
 * Where customers reach the API's public pages, for links the server writes into e-mails (a survey's): the configured
 * address (API_PUBLIC_URL, or the Function App's own in Azure), else the standalone host's once it listens.
 */
export class PublicAddress {
  private listening: string | undefined;

  constructor(private readonly configured: string | undefined) {}

  /** The standalone host says where it listens (its port may have been chosen at random). */
  listeningAt(url: string): void {
    this.listening ??= url;
  }

  get url(): string | undefined {
    return this.configured ?? this.listening;
  }
}
