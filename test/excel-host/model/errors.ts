/**
 * An error Excel answers for one action. The host turns it into the RichApi error body
 * (`Error: { Code, Message, Location, ActionIndex }`), which the library raises as
 * OfficeExtension.Error with `code` and `debugInfo.errorLocation`.
 */
export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly location?: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

export const officeError = (code: string, message: string, where?: string) => new HostError(code, message, where);

export const invalidArgument = (message: string, where?: string) =>
  officeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. ${message}`, where);

export const itemNotFound = (message: string, where?: string) => officeError('ItemNotFound', `The requested resource doesn't exist. ${message}`, where);

/** A member Excel has but the host does not model yet (see README: how to add a member). */
export const notModelled = (member: string) => officeError('NotImplemented', `The Excel host does not model ${member} yet.`, member);
