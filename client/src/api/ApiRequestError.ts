/** A REST call that failed, carrying the server's error code and a message fit to show a person. */
export class ApiRequestError extends Error {
  /** Builds the error from an HTTP status and the server's `{"error":{code,message,details}}` envelope. */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}
