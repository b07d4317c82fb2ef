/**
 * One error taxonomy for the whole product. Only the CLI entry and the server's error handler turn
 * these into exit codes and HTTP responses.
 */

/** Bad input or configuration: exit code 2, HTTP 4xx. The message says what and where. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    readonly details: { file?: string; field?: string; line?: number; status?: number } = {},
  ) {
    super(message);
  }
}

/** A detector threw on one document; recorded on that document's report, the batch carries on. */
export class DetectorError extends Error {
  override name = 'DetectorError';
  constructor(
    readonly detectorId: string,
    cause: unknown,
  ) {
    super(`detector ${detectorId} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 2;
export const EXIT_BUG = 70;

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
