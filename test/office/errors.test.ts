/**
 * Office errors in plain words: every code the add-in can meet has a French sentence (and an
 * English one) that says what to do, and whether anything may have been written.
 */
import { MAPPED_OFFICE_ERRORS, officeErrorCode, officeErrorMessage } from '../../src/office/errors';
import { FakeRichApiError } from '../../src/fake-excel';

it.each(MAPPED_OFFICE_ERRORS)('%s: a French sentence saying what to do, an English one too', (code) => {
  const fr = officeErrorMessage(code, 'fr', 'check');
  const en = officeErrorMessage(code, 'en', 'check');
  expect(fr).not.toContain(code); // a sentence, not the code
  expect(fr).toMatch(/\u00a0: .*(recommencez|relancez|mettez Excel à jour|ouvrez|revenez|attendez|reconnectez-vous|activez|supprimez|fermez).*Rien n’a été modifié\.$/);
  expect(en).toMatch(/: .*(try again|run the check again|update Excel|open|go back|wait|sign in|activate|delete|close).*Nothing was changed\.$/);
});

it('covers the codes of the issue: cell-edit mode, access denied, item not found, API not found, payload, general exception', () => {
  for (const code of ['InvalidOperationInCellEditMode', 'AccessDenied', 'ItemNotFound', 'ApiNotFound', 'RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'GeneralException']) {
    expect(MAPPED_OFFICE_ERRORS).toContain(code);
  }
});

it('a write that failed half-way says how to take back what was written; a refusal says nothing was', () => {
  expect(officeErrorMessage('GeneralException', 'fr', 'fill')).toMatch(/«\u00a0Tout retirer…\u00a0» la retire\.$/);
  expect(officeErrorMessage('AccessDenied', 'fr', 'fill')).toMatch(/Rien n’a été modifié\.$/);
  expect(officeErrorMessage('InvalidOperationInCellEditMode', 'fr', 'mark')).toMatch(/Rien n’a été modifié\.$/);
});

it('an unknown code is named, with what to do', () => {
  expect(officeErrorMessage('BrandNewCode', 'fr', 'check')).toBe(
    "Excel a renvoyé l’erreur «\u00a0BrandNewCode\u00a0»\u00a0: relancez le contrôle\u202f; si l’erreur revient, lancez «\u00a0Diagnostic Excel\u00a0» (menu Aide) et transmettez le rapport. Rien n’a été modifié.",
  );
});

it('only Office errors have a code worth translating; anything else (a bug) is not swallowed', () => {
  expect(officeErrorCode(new FakeRichApiError('ItemNotFound', 'x'))).toBe('ItemNotFound');
  expect(officeErrorCode(new TypeError('x'))).toBeNull();
  expect(officeErrorCode({ code: 'ItemNotFound' })).toBeNull();
  expect(officeErrorCode({ code: '<script>', name: 'RichApi.Error' })).toBeNull();
});
