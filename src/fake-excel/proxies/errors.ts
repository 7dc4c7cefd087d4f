/** The errors the fake throws, shaped like Office.js's (OfficeExtension.Error, its codes and texts). */

/** Shaped like OfficeExtension.Error: name "RichApi.Error", a `code`, `debugInfo`. */
export class FakeRichApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export const notLoaded = (type: string, prop: string) =>
  new FakeRichApiError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
export const accessDenied = (where: string) => new FakeRichApiError('AccessDenied', "The requested operation isn't allowed: the sheet is protected or the workbook is read-only.", where);
export const itemNotFound = (where: string) => new FakeRichApiError('ItemNotFound', "The requested resource doesn't exist.", where);
export const invalidArgument = (where: string, why = "The argument is invalid or missing or has an incorrect format.") => new FakeRichApiError('InvalidArgument', why, where);
export const onNullObject = (type: string, what: string) =>
  new FakeRichApiError('InvalidOperation', `${type}.${what} was called on a null object (least favourable reading: nothing documents calls chained off *OrNullObject).`, `${type}.${what}`);
