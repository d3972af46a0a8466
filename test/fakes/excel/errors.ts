/** Office-like errors: the shape of OfficeExtension.Error, so adapters can switch on `code`. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export const officeError = (code: string, message: string, where?: string) => new FakeOfficeError(code, message, where);

export const notLoaded = (type: string, prop: string) =>
  officeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );

export const invalidArgument = (message: string, where?: string) =>
  officeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. ${message}`, where);

export const itemNotFound = (message: string, where?: string) =>
  officeError('ItemNotFound', `The requested resource doesn't exist. ${message}`, where);
